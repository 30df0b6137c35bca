/**
 * Access ends with membership: an API key carries its creator's authority (at most their role today, and
 * nothing once they leave), and an invitation its inviter's. What an integrator holding the key, and an
 * invitee holding the link, see after the creator is removed or demoted.
 */
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { apiOperations } from "@/lib/api/openapi";
import { NotFoundError } from "@/lib/errors";
import { createApiKey, listApiKeys } from "@/lib/services/api-keys";
import { acceptInvitation, describeInvitation, inviteMember, listInvitations, removeMember, updateMemberRole } from "@/lib/services/members";
import { randomToken } from "@/db/ids";
import { buildContext } from "@/lib/tenancy/context";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { callApi, errorMessage } from "@/tests/api-v1";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));

useTestDatabase();

const op = (operationId: string) => apiOperations.find((o) => o.operationId === operationId)!;
const newEmail = () => `invitee-${randomToken(6).toLowerCase()}@example.com`;
const tokenOf = (link: string) => link.split("/invite/")[1];

async function adminKey(f: OrgFixture): Promise<string> {
  return (await createApiKey({ ctx: f.as.admin, input: { name: "admin's CRM", role: "admin" } })).secret;
}

describe("an API key ends with its creator's membership", () => {
  it("a removed admin's key answers 401, and the revocation is in the audit log", async () => {
    const f = await createOrgFixture();
    const key = await adminKey(f);
    expect((await callApi(op("listMembers"), { key })).status).toBe(200);

    await removeMember({ ctx: f.as.owner, membershipId: f.as.admin.membershipId! });

    const answer = await callApi(op("inviteMember"), { key, body: { email: newEmail(), role: "admin" } });
    expect(answer.status).toBe(401);
    errorMessage(answer, "unauthorized");
    expect((await callApi(op("listMembers"), { key })).status).toBe(401);
    const [revoked] = (await listApiKeys({ ctx: f.as.owner })).filter((k) => k.name === "admin's CRM");
    expect(revoked.revokedAt).not.toBeNull();
    await expectAuditRow(f.org, { action: "api_key.revoked", resourceId: revoked.id, only: true, actor: f.as.owner, after: { reason: "creator_removed" } });
  });

  it("a key whose creator's membership is gone answers 401 even when nothing revoked it", async () => {
    const f = await createOrgFixture();
    const key = await adminKey(f);
    // Membership ended some other way than removeMember (a direct database change, an older version).
    const db = await getDb();
    await db.delete(memberships).where(eq(memberships.id, f.as.admin.membershipId!));
    expect((await callApi(op("listMembers"), { key })).status).toBe(401);
  });

  it("a demoted admin's key can no longer create an admin invitation (403), but still does what the creator may now", async () => {
    const f = await createOrgFixture();
    const key = await adminKey(f);
    await updateMemberRole({ ctx: f.as.owner, membershipId: f.as.admin.membershipId!, input: { role: "marketer" } });

    const answer = await callApi(op("inviteMember"), { key, body: { email: newEmail(), role: "admin" } });
    expect(answer.status).toBe(403);
    errorMessage(answer, "forbidden");
    expect((await listInvitations({ ctx: f.as.owner })).filter((i) => i.role === "admin")).toEqual([]);
    // Capped to the creator's role, not revoked: a marketer reads campaigns.
    expect((await callApi(op("listCampaigns"), { key })).status).toBe(200);
  });

  it("a key never exceeds its own role either: an owner's agent key stays an agent", async () => {
    const f = await createOrgFixture();
    const { secret } = await createApiKey({ ctx: f.as.owner, input: { name: "agent key", role: "agent" } });
    expect((await callApi(op("listCampaigns"), { key: secret })).status).toBe(403);
  });

  it("the key list names who created each key", async () => {
    const f = await createOrgFixture();
    await adminKey(f);
    const [listed] = await listApiKeys({ ctx: f.as.owner });
    expect(listed.createdBy).toEqual({ id: f.users.admin.id, email: f.users.admin.email, name: expect.stringMatching(/^admin /) });
  });
});

describe("an invitation ends with its inviter's authority", () => {
  it("a removed member's pending invitation can no longer be accepted", async () => {
    const f = await createOrgFixture();
    const email = newEmail();
    const { link, invitation } = await inviteMember({ ctx: f.as.admin, input: { email, role: "admin" } });

    await removeMember({ ctx: f.as.owner, membershipId: f.as.admin.membershipId! });

    await expect(describeInvitation(tokenOf(link))).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptInvitation({ token: tokenOf(link), user: null, input: { name: "Mallory", password: "mallory-password" } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await listInvitations({ ctx: f.as.owner })).toEqual([]);
    await expectAuditRow(f.org, { action: "invitation.revoked", resourceId: invitation.id, only: true, before: { email, role: "admin" }, after: { reason: "inviter_removed" } });
  });

  it("an invitation sent with a removed admin's key dies with them", async () => {
    const f = await createOrgFixture();
    const key = await adminKey(f);
    const created = await callApi(op("inviteMember"), { key, body: { email: newEmail(), role: "admin" } });
    expect(created.status).toBe(201);

    await removeMember({ ctx: f.as.owner, membershipId: f.as.admin.membershipId! });

    await expect(describeInvitation(tokenOf(created.body.link))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("accepting re-checks the inviter even when nothing revoked the invitation", async () => {
    const f = await createOrgFixture();
    const { link } = await inviteMember({ ctx: f.as.admin, input: { email: newEmail(), role: "agent" } });
    const db = await getDb();
    await db.update(memberships).set({ role: "agent" }).where(and(eq(memberships.id, f.as.admin.membershipId!), eq(memberships.orgId, f.org.id)));
    await expect(acceptInvitation({ token: tokenOf(link), user: null, input: { password: "invitee-password" } })).rejects.toBeInstanceOf(NotFoundError);
    // Nor is it listed as open.
    expect(await listInvitations({ ctx: f.as.owner })).toEqual([]);
  });

  it("a demotion revokes the invitations the new role could not send, and keeps the others", async () => {
    const f = await createOrgFixture();
    // A second owner, so the first can be demoted to admin.
    await updateMemberRole({ ctx: f.as.owner, membershipId: f.as.admin.membershipId!, input: { role: "owner" } });
    const ownerInvite = await inviteMember({ ctx: f.as.owner, input: { email: newEmail(), role: "owner" } });
    const adminInvite = await inviteMember({ ctx: f.as.owner, input: { email: newEmail(), role: "admin" } });

    const secondOwner = buildContext({ ...f.as.admin, role: "owner" });
    await updateMemberRole({ ctx: secondOwner, membershipId: f.as.owner.membershipId!, input: { role: "admin" } });

    await expect(describeInvitation(tokenOf(ownerInvite.link))).rejects.toBeInstanceOf(NotFoundError);
    expect(await describeInvitation(tokenOf(adminInvite.link))).toMatchObject({ role: "admin" });
    const open = await listInvitations({ ctx: secondOwner });
    expect(open.map((i) => i.id)).toEqual([adminInvite.invitation.id]);
    await expectAuditRow(f.org, { action: "invitation.revoked", resourceId: ownerInvite.invitation.id, only: true, after: { reason: "inviter_role_changed" } });
  });
});
