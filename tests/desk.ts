import { randomToken } from "@/db/ids";
import { getDb } from "@/db/client";
import { channels, memberships, skillGroupMembers, skillGroups, users, webhookEvents } from "@/db/schema";
import { processStoredWebhookEvents } from "@/lib/services/webhook";
import { buildContext, type OrgContext } from "@/lib/tenancy/context";

/** A skill group with `count` agents (role agent, members of the group), each with a context as the choke point builds it. */
export async function createSkillGroupWithAgents(org: { id: string; slug: string; name: string }, count: number, name = `Group ${randomToken(4)}`) {
  const db = await getDb();
  const [group] = await db.insert(skillGroups).values({ orgId: org.id, name }).returning();
  const agents: { membershipId: string; ctx: OrgContext }[] = [];
  for (let i = 0; i < count; i++) {
    const email = `agent-${i}-${randomToken(6).toLowerCase()}@example.com`;
    const [user] = await db.insert(users).values({ email, name: `Agent ${i}` }).returning();
    const [membership] = await db.insert(memberships).values({ orgId: org.id, userId: user!.id, role: "agent" }).returning();
    await db.insert(skillGroupMembers).values({ orgId: org.id, skillGroupId: group!.id, membershipId: membership!.id });
    agents.push({ membershipId: membership!.id, ctx: buildContext({ org, actor: { type: "user", id: user!.id, label: email }, role: "agent", membershipId: membership!.id }) });
  }
  return { group: group!, agents };
}

let pages = 0;
/** A channel bound to the group, written directly (routing needs no connected Page). */
export async function createChannelFor(orgId: string, skillGroupId: string) {
  const db = await getDb();
  const [channel] = await db
    .insert(channels)
    .values({ orgId, skillGroupId, name: "Shop", pageId: `9${++pages}${Date.now()}${Math.floor(Math.random() * 1e6)}`, appId: "7000001", pageAccessTokenSealed: "x", appSecretSealed: "x", verifyTokenSealed: "x" })
    .returning();
  return channel!;
}

let clock = 1_000_000;
/**
 * Stores webhook events as ingest would (a message from `psid`, or an echo, delivery or read for them) and
 * processes them: what a person writing to the Page causes.
 */
export async function deliver(channel: { id: string; orgId: string; pageId: string }, list: { psid: string; kind?: "message" | "echo" | "read" | "delivery" | "postback"; text?: string }[]) {
  const db = await getDb();
  const rows = list.map(({ psid, kind = "message", text = "hello" }) => {
    const timestamp = ++clock;
    const mid = `m_${randomToken(10)}`;
    const user = { sender: { id: psid }, recipient: { id: channel.pageId }, timestamp };
    const page = { sender: { id: channel.pageId }, recipient: { id: psid }, timestamp };
    const payload =
      kind === "message"
        ? { ...user, message: { mid, text } }
        : kind === "postback"
          ? { ...user, postback: { mid, title: text, payload: "P" } }
          : kind === "echo"
            ? { ...page, message: { mid, text, is_echo: true, app_id: 1 } }
            : kind === "read"
              ? { ...user, read: { watermark: timestamp } }
              : { ...user, delivery: { watermark: timestamp } };
    return { orgId: channel.orgId, channelId: channel.id, dedupeKey: kind === "message" || kind === "echo" || kind === "postback" ? mid : `${kind}:${psid}:${timestamp}`, kind, senderId: psid, timestamp, payload };
  });
  const stored = await db.insert(webhookEvents).values(rows).returning({ id: webhookEvents.id });
  return processStoredWebhookEvents({ orgId: channel.orgId, channelId: channel.id }, stored.map((s) => s.id));
}
