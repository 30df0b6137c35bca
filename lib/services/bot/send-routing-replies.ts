import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { conversations, messages } from "@/db/schema";
import { publishRealtime } from "@/lib/realtime";
import type { RouteOutcome } from "@/lib/services/routing";
import { messageRow } from "./run-bot-turns";
import { sendBotMessages } from "./send-bot-messages";

/**
 * The skill group's automatic answers to a person whose conversation routing could not give to an agent: the
 * queue message with their position, or the offline reply outside working hours (Settings → Skill groups).
 * Sent as the bot's messages are (stored first, then sent as RESPONSE inside the 24-hour window only), once per
 * time the conversation enters the queue: the stored row's mid names the queue entry, so a retried step or a
 * second message while still queued stores nothing new.
 */
export async function sendRoutingReplies({ orgId, channelId, outcomes }: { orgId: string; channelId: string; outcomes: RouteOutcome[] }): Promise<{ stored: number; sent: number; failed: number }> {
  const replies = outcomes.filter((o): o is RouteOutcome & { reply: NonNullable<RouteOutcome["reply"]> } => o.reply !== null && o.assigneeMembershipId === null);
  if (replies.length === 0) return { stored: 0, sent: 0, failed: 0 };
  const db = await getDb();
  const queued = await db
    .select({ id: conversations.id, queuedAt: conversations.queuedAt })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.channelId, channelId), inArray(conversations.id, replies.map((r) => r.conversationId)), isNotNull(conversations.queuedAt)));
  const queuedAt = new Map(queued.map((row) => [row.id, row.queuedAt!.getTime()]));
  const now = Date.now();
  const rows = replies.flatMap((r) => {
    const entry = queuedAt.get(r.conversationId);
    if (entry === undefined) return [];
    // The bot's "bot:" prefix: the echo of the sent message confirms this row instead of adding one (webhook processing).
    const mid = `bot:${r.reply.kind}:${r.conversationId}:${entry}`;
    return [{ ...messageRow({ kind: "text", text: r.reply.text }), orgId, channelId, conversationId: r.conversationId, mid, timestamp: now }];
  });
  if (rows.length === 0) return { stored: 0, sent: 0, failed: 0 };
  const inserted = await db.insert(messages).values(rows).onConflictDoNothing().returning({ conversationId: messages.conversationId });
  if (inserted.length > 0) await publishRealtime(db, inserted.map((row) => ({ type: "message.created" as const, orgId, channelId, conversationId: row.conversationId, at: now })));
  const { sent, failed } = await sendBotMessages({ orgId, conversationIds: [...new Set(inserted.map((row) => row.conversationId))] });
  return { stored: inserted.length, sent, failed };
}
