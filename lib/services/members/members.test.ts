import { describe, expect, it } from "vitest";
import { isEmailVerified } from "@/lib/auth/email-verified";
import { checkCredentials, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { acceptInvitation, describeInvitation, inviteMember, listMembers, removeMember, updateMemberRole } from "./";
import { listUserOrganizations } from "@/lib/services/organizations";
import { signUp } from "@/lib/services/accounts";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, latestLinkMailedTo, signUpVerified } from "@/tests/fixtures";

useTestDatabase();

describe("sign-up and sign-in", () => {
  it("creates the user and, once the email is verified, their first organisation as owner", async () => {
    const result = await signUpVerified({ name: "Li Wei", email: " Li.Wei@Example.com ", password: "correct horse", organizationName: "Shenzhen Gadgets" });
    expect(result.email).toBe("li.wei@example.com");
    expect(result.orgSlug).toBe("shenzhen-gadgets");
    const orgs = await listUserOrganizations(result.userId);
    expect(orgs).toEqual([expect.objectContaining({ slug: "shenzhen-gadgets", role: "owner" })]);
    expect((await checkCredentials("LI.WEI@example.com", "correct horse", "10.0.0.1")).id).toBe(result.userId);
  });

  it("refuses a taken email and short passwords with clear messages", async () => {
    const ip = { ip: "10.0.0.2" };
    await signUp({ name: "A", email: "taken@example.com", password: "password1", organizationName: "Org One" }, ip);
    await expect(signUp({ name: "B", email: "taken@example.com", password: "password2", organizationName: "Org Two" }, ip)).rejects.toThrow(
      "An account with this email already exists. Sign in instead.",
    );
    await expect(signUp({ name: "B", email: "b@example.com", password: "short", organizationName: "Org Two" }, ip)).rejects.toBeInstanceOf(ValidationError);
  });

  it("gives organisations with the same name distinct slugs, and Chinese names a usable slug", async () => {
    const a = await signUpVerified({ name: "A", email: "same1@example.com", password: "password1", organizationName: "Same Name" });
    const b = await signUpVerified({ name: "B", email: "same2@example.com", password: "password1", organizationName: "Same Name" });
    const c = await signUpVerified({ name: "C", email: "zh@example.com", password: "password1", organizationName: "深圳小商品" });
    expect(a.orgSlug).toBe("same-name");
    expect(b.orgSlug).toMatch(/^same-name-[0-9a-f]{6}$/);
    expect(c.orgSlug).toMatch(/^org-[0-9a-f]{6}$/);
  });

  it("locks an account after repeated failures, even for the right password, and says for how long", async () => {
    await signUpVerified({ name: "L", email: "locked@example.com", password: "right-password", organizationName: "Lock Org" });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      await expect(checkCredentials("locked@example.com", "wrong", `10.1.0.${i}`)).rejects.toBeInstanceOf(UnauthorizedError);
    }
    const refusal = checkCredentials("locked@example.com", "right-password", "10.2.0.1");
    await expect(refusal).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refusal).rejects.toThrow(/Try again in 15 minutes/);
  });

  it("limits failures per IP across accounts", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      await expect(checkCredentials(`nobody${i}@example.com`, "x", "10.9.9.9")).rejects.toBeInstanceOf(UnauthorizedError);
    }
    await expect(checkCredentials("someone@example.com", "x", "10.9.9.9")).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("members", () => {
  it("invites, and the invitee joins once with the invited role", async () => {
    const f = await createOrgFixture();
    const { link } = await inviteMember({ ctx: f.as.admin, input: { email: "New.Agent@example.com", role: "agent" } });
    const token = link.split("/invite/")[1];
    expect(await describeInvitation(token)).toMatchObject({ email: "new.agent@example.com", role: "agent", hasAccount: false });
    const joined = await acceptInvitation({ token, user: null, input: { name: "New Agent", password: "agent-password" } });
    expect(joined.orgSlug).toBe(f.org.slug);
    await expect(acceptInvitation({ token, user: null, input: { password: "agent-password" } })).rejects.toBeInstanceOf(NotFoundError);
    const members = await listMembers({ ctx: f.as.owner });
    expect(members.data.find((m) => m.email === "new.agent@example.com")?.role).toBe("agent");
    await expect(inviteMember({ ctx: f.as.owner, input: { email: "new.agent@example.com", role: "agent" } })).rejects.toBeInstanceOf(ConflictError);
  });

  it("an existing account cannot be probed for its password through an invitation: wrong and right passwords get the same refusal", async () => {
    const f = await createOrgFixture();
    const victim = await signUpVerified({ name: "E", email: "existing@example.com", password: "existing-password", organizationName: "Their Org" });
    const { link } = await inviteMember({ ctx: f.as.owner, input: { email: "existing@example.com", role: "marketer" } });
    const token = link.split("/invite/")[1];
    expect(await describeInvitation(token)).toMatchObject({ hasAccount: true });
    const answers: string[] = [];
    for (const password of ["wrong-1", "wrong-2", "wrong-3", "wrong-4", "wrong-5", "wrong-6", "existing-password"]) {
      const error = await acceptInvitation({ token, user: null, input: { password } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnauthorizedError);
      answers.push((error as Error).message);
    }
    expect(new Set(answers)).toEqual(new Set(["Sign in as the invited email address, then open the invitation link again."]));
    // Signed in as someone else (the attacker) does not help either, and nobody joined.
    await expect(acceptInvitation({ token, user: { id: f.users.admin.id }, input: { password: "existing-password" } })).rejects.toBeInstanceOf(UnauthorizedError);
    expect((await listMembers({ ctx: f.as.owner })).data.map((m) => m.email)).not.toContain("existing@example.com");
    // The invited person, signed in, joins without any password.
    const joined = await acceptInvitation({ token, user: { id: victim.userId }, input: {} });
    expect(joined.orgSlug).toBe(f.org.slug);
    expect((await listMembers({ ctx: f.as.owner })).data.find((m) => m.email === "existing@example.com")?.role).toBe("marketer");
  });

  it("an unverified account cannot accept an invitation even when signed in; a new account is verified by accepting", async () => {
    const f = await createOrgFixture();
    const unverified = await signUp({ name: "U", email: "unverified@example.com", password: "some-password", organizationName: "U Org" }, { ip: "10.60.0.1" });
    const { link } = await inviteMember({ ctx: f.as.owner, input: { email: "unverified@example.com", role: "agent" } });
    await expect(acceptInvitation({ token: link.split("/invite/")[1], user: { id: unverified.userId }, input: {} })).rejects.toThrow(
      "Verify your email address first: open the link we sent you, or ask for a new one.",
    );
    const invited = await inviteMember({ ctx: f.as.owner, input: { email: "brand.new@example.com", role: "agent" } });
    const { userId } = await acceptInvitation({ token: invited.link.split("/invite/")[1], user: null, input: { name: "Brand New", password: "brand-new-password" } });
    expect(await isEmailVerified(userId)).toBe(true);
  });

  it("emails the invitation link to the invitee (and still hands it to the inviter)", async () => {
    const f = await createOrgFixture("Mail Org");
    const { link } = await inviteMember({ ctx: f.as.admin, input: { email: "mailed@example.com", role: "agent" } });
    expect(await latestLinkMailedTo("mailed@example.com", "/invite/")).toBe(link);
  });

  it("never removes or demotes the last owner; admins cannot touch owners", async () => {
    const f = await createOrgFixture();
    await expect(removeMember({ ctx: f.as.owner, membershipId: f.as.owner.membershipId! })).rejects.toThrow("An organisation must keep at least one owner.");
    await expect(updateMemberRole({ ctx: f.as.owner, membershipId: f.as.owner.membershipId!, input: { role: "admin" } })).rejects.toBeInstanceOf(ConflictError);
    await expect(updateMemberRole({ ctx: f.as.admin, membershipId: f.as.owner.membershipId!, input: { role: "agent" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(inviteMember({ ctx: f.as.admin, input: { email: "boss@example.com", role: "owner" } })).rejects.toBeInstanceOf(ForbiddenError);
    // With a second owner, the first may step down.
    await updateMemberRole({ ctx: f.as.owner, membershipId: f.as.admin.membershipId!, input: { role: "owner" } });
    const after = await updateMemberRole({ ctx: f.as.owner, membershipId: f.as.owner.membershipId!, input: { role: "admin" } });
    expect(after.role).toBe("admin");
  });

  it("writes an audit row for each change, with before and after", async () => {
    const f = await createOrgFixture();
    await updateMemberRole({ ctx: f.as.owner, membershipId: f.as.agent.membershipId!, input: { role: "marketer" } });
    await expectAuditRow(f.org, {
      action: "member.role_changed",
      resourceId: f.as.agent.membershipId!,
      actor: f.as.owner,
      before: { role: "agent" },
      after: { role: "marketer" },
    });
    await removeMember({ ctx: f.as.owner, membershipId: f.as.agent.membershipId! });
    await expectAuditRow(f.org, {
      action: "member.removed",
      resourceId: f.as.agent.membershipId!,
      actor: f.as.owner,
      before: { email: f.users.agent.email, role: "marketer" },
    });
  });

  it("paginates members by cursor", async () => {
    const f = await createOrgFixture();
    const first = await listMembers({ ctx: f.as.owner, input: { limit: 3 } });
    expect(first.data).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await listMembers({ ctx: f.as.owner, input: { limit: 3, cursor: first.nextCursor! } });
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.data, ...second.data].map((m) => m.id)).size).toBe(4);
  });
});
