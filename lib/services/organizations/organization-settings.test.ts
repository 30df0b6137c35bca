import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, campaigns, channels, memberships, organizations, orgSlugRedirects, users } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { authenticateApiKey, createApiKey } from "@/lib/services/api-keys";
import { createCampaign, getCampaign, setCampaignEventSender } from "@/lib/services/campaigns";
import { resolveUserOrgContext } from "@/lib/tenancy/context";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import {
  cancelOrganizationDeletion,
  createOrganization,
  getOrganizationSettings,
  listUserOrganizations,
  purgeDeletedOrganizations,
  resolveSlugRedirect,
  scheduleOrganizationDeletion,
  updateOrganization,
} from "./index";

useTestDatabase();

const sent: { name: string }[] = [];
beforeAll(() => setCampaignEventSender(async (payloads) => void sent.push(...(payloads as typeof sent))));
afterAll(() => setCampaignEventSender(null));

const DAY = 86_400_000;
const freshSlug = (base: string) => `${base}-${Math.random().toString(36).slice(2, 8)}`;
/** The error a call was refused with (a call that succeeds fails the test). */
const refusal = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as ValidationError,
  );
const userOf = (f: OrgFixture, role: "owner" | "admin" | "marketer" | "agent") => f.users[role];

describe("updateOrganization", () => {
  it("renames, recolours, sets the time zone and default language; owners and admins only; audited", async () => {
    const f = await createOrgFixture("Acme");
    const after = await updateOrganization({ ctx: f.as.admin, input: { name: "Acme Asia", color: "teal", timeZone: "Asia/Shanghai", defaultLocale: "zh-CN" } });
    expect(after).toMatchObject({ name: "Acme Asia", slug: f.org.slug, color: "teal", timeZone: "Asia/Shanghai", defaultLocale: "zh-CN", deleteAfter: null });
    expect(await getOrganizationSettings({ ctx: f.as.agent })).toEqual(after);
    await expectAuditRow(f.org, {
      action: "organization.updated",
      resourceId: f.org.id,
      actor: f.as.admin,
      before: { name: "Acme", color: null, timeZone: "UTC", defaultLocale: "en" },
      after: { name: "Acme Asia", color: "teal", timeZone: "Asia/Shanghai", defaultLocale: "zh-CN" },
    });
    for (const role of ["marketer", "agent"] as const) {
      await expect(updateOrganization({ ctx: f.as[role], input: { name: "Mine now" } })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await getOrganizationSettings({ ctx: f.as.owner })).name).toBe("Acme Asia");
  });

  it("refuses an unknown time zone, colour or language, a malformed slug, and an empty update, with field messages", async () => {
    const f = await createOrgFixture();
    const refused = (input: unknown) => refusal(updateOrganization({ ctx: f.as.owner, input }));
    expect((await refused({ timeZone: "Mars/Olympus" })).fieldErrors).toEqual({ timeZone: ["Choose a time zone from the list (an IANA name such as Asia/Shanghai)."] });
    expect((await refused({ color: "#ff0000" })).fieldErrors).toEqual({ color: ["Choose one of the colours offered."] });
    expect((await refused({ defaultLocale: "fr" })).fieldErrors).toEqual({ defaultLocale: ["Choose English or Simplified Chinese."] });
    for (const slug of ["Upper", "-lead", "trail-", "sp ace", "x"]) expect(await refused({ slug })).toBeInstanceOf(ValidationError);
    expect(await refused({})).toBeInstanceOf(ValidationError);
    expect((await getOrganizationSettings({ ctx: f.as.owner })).timeZone).toBe("UTC");
  });

  it("changes the slug: the old one redirects members (not others), cannot be taken by another organisation, and can be taken back", async () => {
    const f = await createOrgFixture("Twins");
    const other = await createOrgFixture("Twins");
    const oldSlug = f.org.slug;
    const newSlug = freshSlug("twins-hq");
    await updateOrganization({ ctx: f.as.owner, input: { slug: newSlug } });
    await expectAuditRow(f.org, { action: "organization.updated", resourceId: f.org.id, before: { slug: oldSlug }, after: { slug: newSlug } });

    // The old slug no longer selects the organisation; for members it leads to the new one.
    await expect(resolveUserOrgContext(userOf(f, "agent"), oldSlug)).rejects.toBeInstanceOf(NotFoundError);
    expect((await resolveUserOrgContext(userOf(f, "agent"), newSlug)).org.id).toBe(f.org.id);
    expect(await resolveSlugRedirect({ userId: userOf(f, "agent").id, slug: oldSlug })).toBe(newSlug);
    expect(await resolveSlugRedirect({ userId: userOf(other, "owner").id, slug: oldSlug })).toBeNull();

    // Nobody else takes a slug that still redirects, nor a slug in use.
    const taken = (slug: string) => refusal(updateOrganization({ ctx: other.as.owner, input: { slug } }));
    expect((await taken(oldSlug)).fieldErrors).toEqual({ slug: [`The slug ${oldSlug} is taken.`] });
    expect((await taken(newSlug)).fieldErrors).toEqual({ slug: [`The slug ${newSlug} is taken.`] });
    const db = await getDb();

    // Moving again keeps every old link working; taking the first slug back ends its redirect.
    const third = freshSlug("twins-global");
    await updateOrganization({ ctx: f.as.owner, input: { slug: third } });
    expect(await resolveSlugRedirect({ userId: userOf(f, "owner").id, slug: oldSlug })).toBe(third);
    expect(await resolveSlugRedirect({ userId: userOf(f, "owner").id, slug: newSlug })).toBe(third);
    await updateOrganization({ ctx: f.as.owner, input: { slug: oldSlug } });
    expect(await resolveSlugRedirect({ userId: userOf(f, "owner").id, slug: oldSlug })).toBeNull();
    expect(await resolveSlugRedirect({ userId: userOf(f, "owner").id, slug: third })).toBe(oldSlug);
    const redirects = await db.select().from(orgSlugRedirects).where(eq(orgSlugRedirects.orgId, f.org.id));
    expect(redirects.map((r) => r.oldSlug).sort()).toEqual([newSlug, third].sort());
  });

  it("a new organisation never takes a slug that redirects", async () => {
    const f = await createOrgFixture("Redirected");
    const db = await getDb();
    await db.insert(orgSlugRedirects).values({ oldSlug: "fresh-start", orgId: f.org.id });
    const user = userOf(f, "owner");
    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
    const created = await createOrganization({ user, input: { name: "Fresh Start" } });
    expect(created.slug).not.toBe("fresh-start");
    expect(created.slug).toMatch(/^fresh-start-[0-9a-f]{6}$/);
  });

  it("two organisations may share a name; the switcher tells them apart by slug and colour", async () => {
    const f = await createOrgFixture("Same Name");
    const second = await createOrgFixture("Same Name");
    const db = await getDb();
    await db.insert(memberships).values({ orgId: second.org.id, userId: userOf(f, "owner").id, role: "admin" });
    await updateOrganization({ ctx: second.as.owner, input: { color: "rose" } });
    const listed = await listUserOrganizations(userOf(f, "owner").id);
    expect(listed.map((o) => [o.name, o.slug, o.color])).toEqual(
      [
        ["Same Name", f.org.slug, null],
        ["Same Name", second.org.slug, "rose"],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
  });
});

describe("deleting an organisation", () => {
  async function orgWithChannel() {
    const f = await createOrgFixture("Doomed");
    const db = await getDb();
    // Written directly: campaigns only need a channel of the organisation, not a connected Page.
    const [channel] = await db
      .insert(channels)
      .values({ orgId: f.org.id, name: "Shop", pageId: `82${Date.now()}`.slice(0, 16), appId: "82000001", pageAccessTokenSealed: "x", appSecretSealed: "x", verifyTokenSealed: "x" })
      .returning();
    return { f, channelId: channel.id };
  }

  it("only the owner deletes, typing the slug; campaigns stop and API keys answer 401 at once; members lose it, the owner can restore it", async () => {
    const { f, channelId } = await orgWithChannel();
    const { secret } = await createApiKey({ ctx: f.as.admin, input: { name: "CRM", role: "admin" } });
    expect((await authenticateApiKey(secret)).org.id).toBe(f.org.id);
    const content = { type: "text", text: "Sale!" };
    const scheduled = await createCampaign({ ctx: f.as.marketer, input: { name: "Later", channelId, requestTitle: "Notify me", content, scheduledAt: new Date(Date.now() + DAY).toISOString() } });
    const draft = await createCampaign({ ctx: f.as.marketer, input: { name: "Draft", channelId, requestTitle: "Notify me", content } });

    await expect(scheduleOrganizationDeletion({ ctx: f.as.admin, input: { confirmation: f.org.slug } })).rejects.toBeInstanceOf(ForbiddenError);
    const wrong = await refusal(scheduleOrganizationDeletion({ ctx: f.as.owner, input: { confirmation: "Doomed Inc" } }));
    expect(wrong.fieldErrors).toEqual({ confirmation: [`Type the organisation's slug, ${f.org.slug}, to confirm.`] });
    expect((await getOrganizationSettings({ ctx: f.as.owner })).deleteAfter).toBeNull();

    sent.length = 0;
    const now = new Date();
    const pending = await scheduleOrganizationDeletion({ ctx: f.as.owner, input: { confirmation: f.org.slug }, now });
    expect(pending.deleteAfter).toBe(new Date(now.getTime() + 7 * DAY).toISOString());
    await expectAuditRow(f.org, { action: "organization.deletion_scheduled", resourceId: f.org.id, actor: f.as.owner, after: { deleteAfter: pending.deleteAfter } });

    await expect(authenticateApiKey(secret)).rejects.toBeInstanceOf(UnauthorizedError);
    const db = await getDb();
    const statuses = Object.fromEntries((await db.select().from(campaigns).where(eq(campaigns.orgId, f.org.id))).map((c) => [c.id, c.status]));
    expect(statuses).toEqual({ [scheduled.id]: "cancelled", [draft.id]: "draft" });
    expect(sent.map((e) => e.name)).toEqual(["campaigns/campaign.unscheduled"]);
    await expectAuditRow(f.org, { action: "campaign.cancelled", resourceId: scheduled.id, actor: f.as.owner });

    // Members other than owners no longer reach it, nor see it in the switcher; the owner sees it, restricted.
    await expect(resolveUserOrgContext(userOf(f, "admin"), f.org.slug)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listUserOrganizations(userOf(f, "admin").id)).map((o) => o.id)).not.toContain(f.org.id);
    expect((await listUserOrganizations(userOf(f, "owner").id)).find((o) => o.id === f.org.id)?.deleteAfter).toBe(pending.deleteAfter);
    const ownerCtx = await resolveUserOrgContext(userOf(f, "owner"), f.org.slug);
    expect([...ownerCtx.permissions].sort()).toEqual(["organization.delete", "settings.view"]);
    await expect(getCampaign({ ctx: ownerCtx, campaignId: draft.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(scheduleOrganizationDeletion({ ctx: ownerCtx, input: { confirmation: f.org.slug } })).rejects.toBeInstanceOf(ConflictError);

    // Restored: members and keys are back; the cancelled campaign stays cancelled.
    await cancelOrganizationDeletion({ ctx: ownerCtx });
    await expectAuditRow(f.org, { action: "organization.deletion_cancelled", resourceId: f.org.id, actor: f.as.owner, before: { deleteAfter: pending.deleteAfter } });
    expect((await authenticateApiKey(secret)).org.id).toBe(f.org.id);
    expect((await resolveUserOrgContext(userOf(f, "admin"), f.org.slug)).role).toBe("admin");
    expect((await getCampaign({ ctx: f.as.owner, campaignId: scheduled.id })).status).toBe("cancelled");
    await expect(cancelOrganizationDeletion({ ctx: f.as.owner })).rejects.toBeInstanceOf(ConflictError);
    await expect(cancelOrganizationDeletion({ ctx: f.as.admin })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the purge removes an organisation and all its rows once the grace period has passed, and nothing before", async () => {
    const { f, channelId } = await orgWithChannel();
    const kept = await createOrgFixture("Kept");
    await createApiKey({ ctx: f.as.owner, input: { name: "CRM", role: "admin" } });
    await createCampaign({ ctx: f.as.marketer, input: { name: "Draft", channelId, requestTitle: "Notify me", content: { type: "text", text: "Hi" } } });
    await updateOrganization({ ctx: f.as.owner, input: { slug: freshSlug("doomed-renamed") } });
    const now = new Date();
    await scheduleOrganizationDeletion({ ctx: f.as.owner, input: { confirmation: (await getOrganizationSettings({ ctx: f.as.owner })).slug }, now });
    const db = await getDb();
    const orgExists = async (id: string) => (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id))).length === 1;

    expect(await purgeDeletedOrganizations({ now: new Date(now.getTime() + 7 * DAY - 1000) })).toBe(0);
    expect(await orgExists(f.org.id)).toBe(true);

    expect(await purgeDeletedOrganizations({ now: new Date(now.getTime() + 7 * DAY + 1000) })).toBe(1);
    expect(await orgExists(f.org.id)).toBe(false);
    for (const table of [channels, campaigns, memberships, auditLog, orgSlugRedirects]) {
      expect(await db.select().from(table).where(eq(table.orgId, f.org.id))).toEqual([]);
    }
    expect(await orgExists(kept.org.id)).toBe(true);
  });

  it("the purge keeps an organisation restored in time", async () => {
    const f = await createOrgFixture("Restored");
    const now = new Date();
    await scheduleOrganizationDeletion({ ctx: f.as.owner, input: { confirmation: f.org.slug }, now });
    await cancelOrganizationDeletion({ ctx: await resolveUserOrgContext(userOf(f, "owner"), f.org.slug) });
    expect(await purgeDeletedOrganizations({ now: new Date(now.getTime() + 30 * DAY) })).toBe(0);
    expect((await getOrganizationSettings({ ctx: f.as.owner })).deleteAfter).toBeNull();
  });
});
