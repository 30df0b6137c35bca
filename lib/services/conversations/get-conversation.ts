import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { campaignMentionOf, campaignOf, campaignsMentioned } from "./campaigns-mentioned";
import { getConversationInOrg, toSummary } from "./queries";
import { loadTimeline } from "./timeline";
import type { ConversationDetail, ConversationMessage } from "./schemas";

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
  const delivered = row.deliveredWatermark ?? 0;
  const read = row.readWatermark ?? 0;
  const shown = rows.slice(0, limit).reverse();
  const mentions = shown.map(campaignMentionOf);
  const found = await campaignsMentioned(db, { orgId: ctx.org.id, channelId: row.channelId }, mentions.filter((m) => m !== null));
  const list: ConversationMessage[] = shown.map((m, i) => {
    const outbound = m.direction === "outbound";
    return {
      id: m.id,
      mid: m.mid,
      direction: m.direction,
      kind: m.kind,
      text: m.text,
      attachments: (m.attachments as ConversationMessage["attachments"]) ?? null,
      quickReplyPayload: m.quickReplyPayload,
      postback: (m.postback as Record<string, unknown> | null) ?? null,
      referral: (m.referral as Record<string, unknown> | null) ?? null,
      reaction: (m.reaction as Record<string, unknown> | null) ?? null,
      source: m.source,
      campaign: campaignOf(mentions[i], found),
      timestamp: m.timestamp,
      // Read implies delivered (Meta may send only the read watermark).
      delivered: outbound && (m.timestamp <= delivered || m.timestamp <= read),
      read: outbound && m.timestamp <= read,
    };
  });
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
  };
}
