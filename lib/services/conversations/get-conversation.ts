import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { DbOrTx } from "@/db/client";
import { campaigns, channels, contacts, conversations, messages, otnTokens } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getConversationInOrg, toSummary } from "./queries";
import { toConversationMessages } from "./message-rows";
import { loadTimeline } from "./timeline";
import type { ConversationDetail, ReplyState } from "./schemas";

export const conversationGetSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/**
 * One conversation of the organisation (within the agent's skill groups) with its latest messages in
 * event-time order (Meta's timestamp, not arrival), each outbound message marked delivered/read from the
 * conversation's watermarks, and each opt-in, "Notify Me" card and referral with its campaign's name; with
 * the private notes and desk events of the same span, for the thread to place between the messages.
 */
export async function getConversation({
  ctx,
  conversationId,
  input = {},
}: {
  ctx: OrgContext;
  conversationId: string;
  input?: z.input<typeof conversationGetSchema>;
}): Promise<ConversationDetail> {
  requirePermission(ctx, "conversations.read");
  const { limit } = parseInput(conversationGetSchema, input);
  const db = await getDb();
  const row = await getConversationInOrg(db, ctx, conversationId);
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, ctx.org.id), eq(messages.conversationId, row.id)))
    .orderBy(desc(messages.timestamp), desc(messages.id))
    .limit(limit + 1);
  const hasOlder = rows.length > limit;
  const shown = rows.slice(0, limit).reverse();
  const list = await toConversationMessages(db, { orgId: ctx.org.id, channelId: row.channelId, deliveredWatermark: row.deliveredWatermark, readWatermark: row.readWatermark }, shown);
  // Hidden older messages hide their notes and events too: the thread starts at the oldest message shown.
  const since = hasOlder && shown.length > 0 ? new Date(shown[0]!.timestamp) : undefined;
  const timeline = await loadTimeline(db, ctx.org.id, row.id, since);
  return {
    ...toSummary(row),
    contactLocale: row.contactLocale,
    deliveredWatermark: row.deliveredWatermark,
    readWatermark: row.readWatermark,
    messages: list,
    hasOlder,
    ...timeline,
    reply: await replyState(db, ctx.org.id, row.id),
  };
}

const OTN_TOKEN_LIFETIME_MS = 365 * 86_400_000;

/** The facts the composer states its rule from (the same ones sendReply decides by). */
async function replyState(db: DbOrTx, orgId: string, conversationId: string): Promise<ReplyState> {
  const [row] = await db
    .select({
      lastInboundAt: contacts.lastInboundAt,
      psid: contacts.psid,
      channelId: conversations.channelId,
      humanAgentEnabled: channels.humanAgentEnabled,
      status: channels.status,
      deletedAt: channels.deletedAt,
      threadOwnerAppId: conversations.threadOwnerAppId,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
  // An unused One-Time Notification token of this person (a year at most): what is left after 7 days.
  const [otn] = await db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(otnTokens)
    .innerJoin(campaigns, eq(campaigns.id, otnTokens.campaignId))
    .where(
      and(
        eq(otnTokens.orgId, orgId),
        eq(otnTokens.channelId, row.channelId),
        eq(otnTokens.psid, row.psid),
        inArray(otnTokens.status, ["pending", "spare"]),
        gt(otnTokens.optedInAt, new Date(Date.now() - OTN_TOKEN_LIFETIME_MS)),
        isNull(campaigns.deletedAt),
      ),
    )
    .orderBy(desc(otnTokens.optedInAt))
    .limit(1);
  return {
    lastInboundAt: row.lastInboundAt?.getTime() ?? null,
    humanAgentEnabled: row.humanAgentEnabled,
    channelUsable: row.status === "active" && row.deletedAt === null,
    threadOwnerAppId: row.threadOwnerAppId,
    otnCampaign: otn ?? null,
  };
}
