import { describe, expect, it } from "vitest";
import { landingSection, lesserRole, mayInvite, permissionsOf, roleCan, ROLES } from "./permissions";

describe("roles", () => {
  // An API key acts with lesserRole(key's role, creator's role): that is only "at most both" if roles form a chain.
  it("each role's permissions contain the next one's, so the lesser of two roles has no right either lacks", () => {
    for (const a of ROLES) {
      for (const b of ROLES) {
        const lesser = permissionsOf(lesserRole(a, b));
        for (const permission of lesser) {
          expect(permissionsOf(a).has(permission) && permissionsOf(b).has(permission), `${a}/${b}: ${permission}`).toBe(true);
        }
      }
    }
  });

  it("only owners and admins invite, and only an owner invites owners", () => {
    expect(ROLES.filter((r) => mayInvite(r, "owner"))).toEqual(["owner"]);
    expect(ROLES.filter((r) => mayInvite(r, "admin"))).toEqual(["owner", "admin"]);
    expect(ROLES.filter((r) => mayInvite(r, "agent"))).toEqual(["owner", "admin"]);
  });

  it("each role lands on its own work, a page it may open: marketers on campaigns, agents on conversations, admins and owners on channels", () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, landingSection(r)]))).toEqual({ owner: "channels", admin: "channels", marketer: "campaigns", agent: "conversations" });
    for (const role of ROLES) expect(roleCan(role, `${landingSection(role)}.read`)).toBe(true);
  });
});
