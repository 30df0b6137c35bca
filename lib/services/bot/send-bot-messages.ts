import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, contacts, conversations, messages } from "@/db/schema";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { publishRealtime } from "@/lib/realtime";
import { openPageToken } from "@/lib/services/channels";
import { REPLY_METADATA_PREFIX } from "@/lib/services/conversations";

const WINDOW_MS = 24 * 3_600_000;

/**
 * Sends the bot's stored messages that are still "sending", oldest first per conversation, as RESPONSE and
 * never with a tag. Each is checked against the 24-hour window at the moment of sending (a message stored in
 * time but sent late is marked failed, Meta is not called). A message is marked sent or failed right after
 * Meta answers; one left "sending" by a crash in between is the only one a retry can send again.
 * After a failure the conversation's later messages wait (order matters in a chat), marked failed too.
 */
export async function sendBotMessages({ orgId, conversationIds }: { orgId: string; conversationIds: string[] }): Promise<{ sent: number; failed: number }> {
  if (conversationIds.length === 0) return { sent: 0, failed: 0 };
  const db = await getDb();
  const rows = await db
    .select({
      message: messages,
      psid: contacts.psid,
      lastInboundAt: contacts.lastInboundAt,
      pageId: channels.pageId,
      graphApiVersion: channels.graphApiVersion,
      pageAccessTokenSealed: channels.pageAccessTokenSealed,
      threadOwnerAppId: conversations.threadOwnerAppId,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .where(and(eq(messages.orgId, orgId), inArray(messages.conversationId, conversationIds), eq(messages.source, "bot"), eq(messages.sendStatus, "sending")))
    .orderBy(asc(messages.conversationId), asc(messages.timestamp));
  let sent = 0;
  let failed = 0;
  const broken = new Set<string>();
  for (const row of rows) {
    const { message } = row;
    let outcome: Partial<typeof messages.$inferInsert>;
    if (broken.has(message.conversationId)) outcome = { sendStatus: "failed", failureReason: "An earlier message of the bot failed." };
    else if (!row.lastInboundAt || Date.now() - row.lastInboundAt.getTime() >= WINDOW_MS) outcome = { sendStatus: "failed", failureReason: "Outside the 24-hour window: the bot does not send." };
    else if (row.threadOwnerAppId !== null) outcome = { sendStatus: "failed", failureReason: "Another app controls the thread." };
    else if (row.pageAccessTokenSealed === null) outcome = { sendStatus: "failed", failureReason: "The channel is disconnected." };
    else {
      try {
        const answer = await new GraphClient({ version: row.graphApiVersion }).sendMessage(row.pageId, openPageToken(row), {
          recipient: { id: row.psid },
          messaging_type: "RESPONSE",
          message: { ...content(message), metadata: `${REPLY_METADATA_PREFIX}${message.id}` },
        });
        outcome = { sendStatus: "sent", mid: answer.message_id ?? message.mid };
      } catch (error) {
        outcome = error instanceof GraphError ? { sendStatus: "failed", failureCode: error.code, failureReason: error.reason } : { sendStatus: "failed", failureReason: `Graph API unreachable: ${(error as Error).message}` };
      }
    }
    if (outcome.sendStatus === "sent") sent++;
    else {
      failed++;
      broken.add(message.conversationId);
    }
    await db.update(messages).set(outcome).where(and(eq(messages.id, message.id), eq(messages.sendStatus, "sending")));
    await publishRealtime(db, { type: "message.status", orgId, channelId: message.channelId, conversationId: message.conversationId, at: Date.now() });
  }
  return { sent, failed };
}

type StoredAttachment = { type: string; payload: Record<string, unknown> };

function content(message: typeof messages.$inferSelect): Record<string, unknown> {
  const attachment = (message.attachments as StoredAttachment[] | null)?.[0];
  const body: Record<string, unknown> = attachment ? { attachment: { type: attachment.type, payload: attachment.payload } } : { text: message.text ?? "" };
  if (message.quickReplies) body.quick_replies = message.quickReplies;
  return body;
}
