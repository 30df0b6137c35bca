import type { DbOrTx } from "@/db/client";
import type { messages } from "@/db/schema";
import { campaignMentionOf, campaignOf, campaignsMentioned } from "./campaigns-mentioned";
import type { ConversationMessage } from "./schemas";

/**
 * Stored messages as the dashboard and the API show them: each outbound one marked delivered/read from the
 * conversation's watermarks, each opt-in, "Notify Me" card and referral with its campaign (within the
 * organisation). The order given is kept.
 */
export async function toConversationMessages(
  db: DbOrTx,
  conversation: { orgId: string; channelId: string; deliveredWatermark: number | null; readWatermark: number | null },
  rows: (typeof messages.$inferSelect)[],
): Promise<ConversationMessage[]> {
  const delivered = conversation.deliveredWatermark ?? 0;
  const read = conversation.readWatermark ?? 0;
  const mentions = rows.map(campaignMentionOf);
  const found = await campaignsMentioned(db, { orgId: conversation.orgId, channelId: conversation.channelId }, mentions.filter((m) => m !== null));
  return rows.map((m, i) => {
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
      sendStatus: m.sendStatus,
      failureCode: m.failureCode,
      failureReason: m.failureReason,
      tag: m.tag,
      quickReplyTitles: Array.isArray(m.quickReplies) ? (m.quickReplies as { title?: unknown }[]).map((q) => String(q.title ?? "")) : null,
    };
  });
}
