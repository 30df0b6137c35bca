/**
 * Marketing Messages around the ledger, against the Messenger sandbox: the channel's ad account and what it
 * makes eligible, the import of Meta's token list (paging, duplicates, tokens already known, stopped and expired
 * ones left out, a resume after a failure, the workflow and its audit row), refusals in words, and unsubscribes
 * that Meta then honours (2300004).
 */
import { InngestTestEngine } from "@inngest/test";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { auditLog, contacts, messagePermissions } from "@/db/schema";
import { importSubscriptionTokensFunction } from "@/inngest/functions/import-subscription-tokens";
import { apiOperations } from "@/lib/api/openapi";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { createApiKey } from "@/lib/services/api-keys";
import { createChannel, getChannel, updateChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { DEMO } from "@/sandbox/server";
import { callApi } from "@/tests/api-v1";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { useGraphSandbox, type SandboxPageForTest } from "@/tests/graph-sandbox";
import {
  getLastTokenImport,
  importSubscriptionTokenPage,
  importSubscriptionTokens,
  listTokenImportChannels,
  marketingEligibility,
  messagingAvailability,
  recordSubscriptionTokenImport,
  requestSubscriptionTokenImport,
  setTokenImportEventSender,
  summarizeChannelPermissions,
  unsubscribeContact,
} from ".";

useTestDatabase();
const sandbox = useGraphSandbox();

const ACT = `act_${DEMO.adAccountId}`;
let org: OrgFixture;
let other: OrgFixture;
let groupId: string;
const requested: { name: string; data: Record<string, unknown> }[] = [];

async function eligibleChannel(name: string): Promise<{ channelId: string; page: SandboxPageForTest }> {
  const page = await sandbox.newPage();
  const channel = await createChannel({ ctx: org.as.owner, input: { name, pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: groupId } });
  await updateChannel({ ctx: org.as.owner, channelId: channel.id, input: { messagingRegion: "US", businessCountry: "US", adAccountId: ACT } });
  return { channelId: channel.id, page };
}

async function grant(pageId: string, count: number, title = "Deals") {
  return (await sandbox.control<{ granted: { psid: string; token: string }[] }>("POST", `/pages/${pageId}/bulk/subscription-tokens`, { count, title, timezone: "America/Sao_Paulo" })).granted;
}

async function ledgerOf(channelId: string) {
  const db = await getDb();
  return db.select().from(messagePermissions).where(eq(messagePermissions.channelId, channelId));
}

beforeAll(async () => {
  org = await createOrgFixture("Marketing");
  other = await createOrgFixture("Marketing neighbour");
  groupId = (await createSkillGroup({ ctx: org.as.owner, input: { name: "Sales" } })).id;
  setTokenImportEventSender(async (payloads) => void requested.push(...(payloads as typeof requested)));
});
afterAll(() => setTokenImportEventSender(null));

describe("the channel's ad account", () => {
  it("takes act_… or digits, stores digits, is audited, and decides Marketing Messages with the region and country", async () => {
    const page = await sandbox.newPage();
    const { id: channelId } = await createChannel({ ctx: org.as.owner, input: { name: "Ads", pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: groupId } });
    const set = await updateChannel({ ctx: org.as.admin, channelId, input: { messagingRegion: "US", businessCountry: "us", adAccountId: " act_6000000000000006 " } });
    expect(set.adAccountId).toBe("6000000000000006");
    expect(messagingAvailability(set).marketing).toEqual({ available: true });
    expect((await updateChannel({ ctx: org.as.owner, channelId, input: { adAccountId: "123456" } })).adAccountId).toBe("123456");
    await expect(updateChannel({ ctx: org.as.owner, channelId, input: { adAccountId: "act_12ab" } })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateChannel({ ctx: org.as.marketer, channelId, input: { adAccountId: "123" } })).rejects.toBeInstanceOf(ForbiddenError);

    const cleared = await updateChannel({ ctx: org.as.owner, channelId, input: { adAccountId: "" } });
    expect(cleared.adAccountId).toBeNull();
    expect(messagingAvailability(cleared).marketing).toEqual({ available: false, reason: "permissions.reason.noAdAccount" });
    expect(marketingEligibility(cleared)).toEqual({ eligible: false, reason: "permissions.reason.noAdAccount" });

    const db = await getDb();
    const audit = rowsOf<{ before: { adAccountId?: string }; after: { adAccountId?: string | null } }>(
      await db.execute(sql`select before, after from audit_log where resource_id = ${channelId} and action = 'channel.updated' order by at desc, id desc limit 1`),
    );
    expect(audit[0]).toMatchObject({ before: { adAccountId: "123456" }, after: { adAccountId: null } });

    // Through the API: the same verb, the same words.
    const operation = apiOperations.find((o) => o.operationId === "updateChannel")!;
    const key = (await createApiKey({ ctx: org.as.owner, input: { name: "ads", role: "admin" } })).secret;
    const refused = await callApi(operation, { key, params: { channelId }, body: { adAccountId: "act_x" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain("act_1234567890");
    const ok = await callApi(operation, { key, params: { channelId }, body: { adAccountId: "act_6000000000000006" } });
    expect(ok.body.adAccountId).toBe("6000000000000006");
  });
});

describe("importing subscribers from Meta", () => {
  let channelId: string;
  let page: SandboxPageForTest;
  let granted: { psid: string; token: string }[];
  let known: { psid: string; token: string }[];
  let left: { stopped: string; expired: string; olderDuplicate: string; newerDuplicate: string };

  beforeAll(async () => {
    ({ channelId, page } = await eligibleChannel("Shop"));
    granted = await grant(page.pageId, 2500);
    const state = sandbox.running.state;
    // One person opted in twice: Meta lists only their newest token.
    const first = state.notificationTokens.get(granted[10].token)!;
    const newer = state.addNotificationToken({ ...first, token: `nm_newer_${granted[10].psid}`, title: "Weekly picks", createdAt: first.createdAt + 1 });
    // One person stopped, one token expired: Meta leaves both out.
    await sandbox.control("POST", `/users/${granted[20].psid}/notifications/stop`, {});
    state.notificationTokens.get(granted[30].token)!.expiresAt = sandbox.running.controls.clock.now() - 1;
    left = { stopped: granted[20].token, expired: granted[30].token, olderDuplicate: granted[10].token, newerDuplicate: newer.token };
    // 300 people's tokens the ledger already holds: their recurring opt-ins came through the webhook.
    known = granted.slice(1000, 1300);
    const db = await getDb();
    await db.insert(messagePermissions).values(
      known.map((k) => ({ orgId: org.org.id, channelId, psid: k.psid, kind: "recurring" as const, topic: "Deals", frequency: "weekly", tokenSealed: seal(k.token), tokenHash: sha256Hex(k.token), source: "optin", optedInAt: new Date() })),
    );
  });

  it("pages through Meta's list (1,000 a page) and stores every active token once, sealed, with its person, expiry, time zone and topic", async () => {
    const result = await importSubscriptionTokens({ orgId: org.org.id, channelId });
    // 2,500 people, 2,501 tokens: the older duplicate, the stopped and the expired one are not listed.
    expect(result).toEqual({ state: "imported", pages: 3, seen: 2498, imported: 2198, alreadyKnown: 300 });

    const ledger = await ledgerOf(channelId);
    expect(ledger).toHaveLength(2498);
    const byHash = new Map(ledger.map((row) => [row.tokenHash, row]));
    expect(byHash.size).toBe(2498);
    for (const token of [left.stopped, left.expired, left.olderDuplicate]) expect(byHash.has(sha256Hex(token))).toBe(false);
    const wanted = granted.map((g) => g.token).filter((t) => t !== left.stopped && t !== left.expired && t !== left.olderDuplicate);
    for (const token of [...wanted, left.newerDuplicate]) expect(byHash.has(sha256Hex(token)), token).toBe(true);

    // Known tokens stay as they were (kind recurring, from the opt-in); the rest are marketing imports.
    expect(ledger.filter((r) => r.source === "import" && r.kind === "marketing")).toHaveLength(2198);
    expect(ledger.filter((r) => r.source === "optin" && r.kind === "recurring")).toHaveLength(300);

    const sample = byHash.get(sha256Hex(granted[0].token))!;
    const metaToken = sandbox.running.state.notificationTokens.get(granted[0].token)!;
    expect(sample).toMatchObject({ orgId: org.org.id, kind: "marketing", status: "active", source: "import", topic: "Deals", userTimeZone: "America/Sao_Paulo", frequency: null, psid: granted[0].psid });
    expect(sample.expiresAt?.getTime()).toBe(metaToken.expiresAt);
    expect(sample.optedInAt.getTime()).toBe(metaToken.createdAt);
    expect(sample.tokenSealed).not.toContain(granted[0].token);
    expect(JSON.stringify(sample.sourceRef)).not.toContain(granted[0].token);
    expect(byHash.get(sha256Hex(left.newerDuplicate))!.topic).toBe("Weekly picks");

    // One contact per person, linked.
    const db = await getDb();
    const [people] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from contacts where channel_id = ${channelId}`));
    expect(Number(people.n)).toBe(2498);
    const [contact] = await db.select().from(contacts).where(and(eq(contacts.channelId, channelId), eq(contacts.psid, granted[0].psid)));
    expect(sample.contactId).toBe(contact.id);

    const summary = await summarizeChannelPermissions({ ctx: org.as.marketer, channelId });
    expect(summary.marketing).toEqual({ active: 2198, used: 0, stopped: 0, expired: 0 });
  });

  it("running it again stores nothing: every token is already known", async () => {
    expect(await importSubscriptionTokens({ orgId: org.org.id, channelId })).toEqual({ state: "imported", pages: 3, seen: 2498, imported: 0, alreadyKnown: 2498 });
    expect(await ledgerOf(channelId)).toHaveLength(2498);
  });

  it("unsubscribing stops the person's marketing and recurring permissions, and Meta then refuses sends to their token (2300004)", async () => {
    const person = granted[1100]; // known as recurring, and given a marketing token too
    const extra = await sandbox.running.state.addNotificationToken({ ...sandbox.running.state.notificationTokens.get(person.token)!, token: `nm_extra_${person.psid}`, title: "Flash sale", createdAt: sandbox.running.controls.clock.now() });
    await importSubscriptionTokens({ orgId: org.org.id, channelId });
    const db = await getDb();
    const [contact] = await db.select().from(contacts).where(and(eq(contacts.channelId, channelId), eq(contacts.psid, person.psid)));

    const graph = new GraphClient();
    const campaign = (name: string) => graph.request<{ id: string }>({ method: "POST", path: `${ACT}/message_campaign`, accessToken: page.pageAccessToken, body: { name, page_id: page.pageId, daily_budget: 5000 } });
    const send = (campaignId: string, token: string) =>
      graph.request({ method: "POST", path: `${ACT}/messages`, accessToken: page.pageAccessToken, body: { message_campaign_id: campaignId, messenger_delivery_data: { subscription_token: token }, message: { text: "20% off" } } });
    await send((await campaign("Before")).id, extra.token);

    // Another organisation's member, and an agent who does not see the channel, find no such contact.
    await expect(unsubscribeContact({ ctx: other.as.owner, contactId: contact.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(unsubscribeContact({ ctx: org.as.agent, contactId: contact.id })).rejects.toBeInstanceOf(NotFoundError);

    const result = await unsubscribeContact({ ctx: org.as.marketer, contactId: contact.id });
    expect(result).toEqual({ contactId: contact.id, stopped: 2, unsubscribedOnMeta: 2 });
    const rows = (await ledgerOf(channelId)).filter((r) => r.psid === person.psid);
    expect(rows.map((r) => [r.kind, r.status]).sort()).toEqual([["marketing", "stopped"], ["recurring", "stopped"]]);
    expect(rows.every((r) => r.stoppedAt !== null && r.statusChangedAt !== null)).toBe(true);

    const after = await campaign("After");
    for (const token of [extra.token, person.token]) {
      const refused = await send(after.id, token).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(GraphError);
      expect((refused as GraphError).code).toBe(2300004);
    }
    // Someone else still receives.
    await send(after.id, granted[0].token);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.resourceId, contact.id), eq(auditLog.action, "contact.marketing_unsubscribed")));
    expect(audit).toMatchObject({ orgId: org.org.id, actorId: org.users.marketer.id, after: { channelId, stopped: 2, unsubscribedOnMeta: 2 } });

    // A later import does not bring the person back: Meta no longer lists their tokens.
    const again = await importSubscriptionTokens({ orgId: org.org.id, channelId });
    expect(again.state === "imported" && again.imported).toBe(0);
    expect((await ledgerOf(channelId)).filter((r) => r.psid === person.psid && r.status === "active")).toHaveLength(0);
  });

  it("the API unsubscribes too (200), and another organisation's key gets 404", async () => {
    const db = await getDb();
    const [contact] = await db.select().from(contacts).where(and(eq(contacts.channelId, channelId), eq(contacts.psid, granted[5].psid)));
    const operation = apiOperations.find((o) => o.operationId === "unsubscribeContact")!;
    const otherKey = (await createApiKey({ ctx: other.as.owner, input: { name: "neighbour", role: "admin" } })).secret;
    expect((await callApi(operation, { key: otherKey, params: { contactId: contact.id } })).status).toBe(404);
    const key = (await createApiKey({ ctx: org.as.owner, input: { name: "unsubscribe", role: "admin" } })).secret;
    const answer = await callApi(operation, { key, params: { contactId: contact.id } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ contactId: contact.id, stopped: 1, unsubscribedOnMeta: 1 });
  });
});

describe("an import interrupted half-way", () => {
  it("resumes: running it again stores exactly what is missing, nothing twice", async () => {
    const { channelId, page } = await eligibleChannel("Resume");
    const granted = await grant(page.pageId, 2500);
    const first = await importSubscriptionTokenPage({ orgId: org.org.id, channelId });
    expect(first).toMatchObject({ state: "imported", seen: 1000, imported: 1000, alreadyKnown: 0, after: expect.any(String) });

    // Meta fails every call now: the second page's step fails (the workflow would retry it).
    await sandbox.control("PUT", `/pages/${page.pageId}/faults`, { temporaryErrorRate: 1, temporaryErrorCodes: [2] });
    const failed = await importSubscriptionTokenPage({ orgId: org.org.id, channelId, after: first.state === "imported" ? first.after : null }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(GraphError);
    expect(await ledgerOf(channelId)).toHaveLength(1000);

    await sandbox.control("PUT", `/pages/${page.pageId}/faults`, { temporaryErrorRate: 0 });
    expect(await importSubscriptionTokens({ orgId: org.org.id, channelId })).toEqual({ state: "imported", pages: 3, seen: 2500, imported: 1500, alreadyKnown: 1000 });
    const ledger = await ledgerOf(channelId);
    expect(new Set(ledger.map((r) => r.tokenHash))).toEqual(new Set(granted.map((g) => sha256Hex(g.token))));
  });

  it("as the workflow: one page a step, then the result in the audit log and on the channel page", async () => {
    const { channelId, page } = await eligibleChannel("Workflow");
    await grant(page.pageId, 1200);
    await requestSubscriptionTokenImport({ ctx: org.as.marketer, channelId });
    expect(await getLastTokenImport({ ctx: org.as.agent, channelId })).toMatchObject({ state: "running" });
    const event = requested.find((e) => e.data.channelId === channelId)!;
    expect(event).toMatchObject({ name: "marketing/subscription-tokens.import-requested", data: { orgId: org.org.id, channelId, trigger: "member" } });

    const t = new InngestTestEngine({ function: importSubscriptionTokensFunction, events: [event as never] });
    const { result } = await t.execute();
    expect(result).toEqual({ outcome: "completed", pages: 2, seen: 1200, imported: 1200, alreadyKnown: 0 });
    expect(await getLastTokenImport({ ctx: org.as.agent, channelId })).toMatchObject({ state: "completed", seen: 1200, imported: 1200, alreadyKnown: 0, trigger: "member", reason: null });
  });

  it("an import that failed for good says so with Meta's words; a failure naming another organisation's channel records nothing", async () => {
    const { channelId } = await eligibleChannel("Failed");
    const failed = { outcome: "failed" as const, error: "(#200) Requires paid_marketing_messages permission", trigger: "daily" as const, seen: 0, imported: 0, alreadyKnown: 0 };
    await recordSubscriptionTokenImport({ orgId: org.org.id, channelId, result: failed });
    expect(await getLastTokenImport({ ctx: org.as.agent, channelId })).toMatchObject({ state: "failed", error: failed.error, trigger: "daily" });
    await recordSubscriptionTokenImport({ orgId: other.org.id, channelId, result: { ...failed, error: "not theirs" } });
    const db = await getDb();
    expect(await db.select().from(auditLog).where(and(eq(auditLog.orgId, other.org.id), eq(auditLog.action, "channel.subscription_tokens_imported")))).toEqual([]);
  });

  it("the workflow refuses an event naming another organisation's channel", async () => {
    const { channelId } = await eligibleChannel("Foreign");
    const t = new InngestTestEngine({ function: importSubscriptionTokensFunction, events: [{ name: "marketing/subscription-tokens.import-requested", data: { orgId: other.org.id, channelId, trigger: "daily" } } as never] });
    const { error } = await t.execute();
    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect(await ledgerOf(channelId)).toHaveLength(0);
  });
});

describe("channels that may not import", () => {
  it.each([
    ["a business in mainland China", { businessCountry: "CN" }, "permissions.reason.marketingChina", "mainland China"],
    ["an audience in the EU", { messagingRegion: "EU" }, "permissions.reason.marketingRegion", "EU"],
    ["no ad account", { adAccountId: null }, "permissions.reason.noAdAccount", "ad account"],
  ] as const)("%s: refused with the reason (409), nothing asked of Meta", async (_name, change, reason, words) => {
    const { channelId, page } = await eligibleChannel(`Refused ${reason}`);
    await grant(page.pageId, 3);
    await updateChannel({ ctx: org.as.owner, channelId, input: change });
    const refused = await requestSubscriptionTokenImport({ ctx: org.as.marketer, channelId }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).messageKey).toBe(reason);
    expect(await importSubscriptionTokenPage({ orgId: org.org.id, channelId })).toEqual({ state: "refused", reason });
    expect(await ledgerOf(channelId)).toHaveLength(0);
    expect((await listTokenImportChannels()).channels.map((c) => c.channelId)).not.toContain(channelId);

    const operation = apiOperations.find((o) => o.operationId === "importChannelSubscriptionTokens")!;
    const key = (await createApiKey({ ctx: org.as.owner, input: { name: "import", role: "marketer" } })).secret;
    const answer = await callApi(operation, { key, params: { channelId } });
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toContain(words);
  });

  it("roles and organisations: marketers may ask (202), agents may not, another organisation's channel is not found", async () => {
    const { channelId } = await eligibleChannel("Roles");
    await expect(requestSubscriptionTokenImport({ ctx: org.as.agent, channelId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestSubscriptionTokenImport({ ctx: other.as.owner, channelId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLastTokenImport({ ctx: other.as.owner, channelId })).rejects.toBeInstanceOf(NotFoundError);
    const operation = apiOperations.find((o) => o.operationId === "importChannelSubscriptionTokens")!;
    const key = (await createApiKey({ ctx: org.as.owner, input: { name: "marketer", role: "marketer" } })).secret;
    const answer = await callApi(operation, { key, params: { channelId } });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ channelId, requestedAt: expect.any(String) });
    const otherKey = (await createApiKey({ ctx: other.as.owner, input: { name: "neighbour", role: "admin" } })).secret;
    expect((await callApi(operation, { key: otherKey, params: { channelId } })).status).toBe(404);
    expect((await listTokenImportChannels()).channels).toContainEqual({ orgId: org.org.id, channelId });
    expect((await getChannel({ ctx: org.as.agent, channelId })).adAccountId).toBe(DEMO.adAccountId);
  });
});
