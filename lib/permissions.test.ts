import { describe, expect, it } from "vitest";
import { lesserRole, mayInvite, permissionsOf, ROLES } from "./permissions";

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
});
