import { and, eq, isNull, lte, or } from "drizzle-orm";
import { openPageToken } from "@/lib/services/channels";
import { z } from "zod";
import { getDb } from "@/db/client";
import { conversations, messageAttachmentUploads, messages } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { publishRealtime } from "@/lib/realtime";
import { flagReconnectNeeded, recordChannelError, refusalOf } from "@/lib/services/channel-health";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { inputString, parseInput, required, say } from "@/lib/validation";
import { QUICK_REPLIES_MAX, QUICK_REPLY_PAYLOAD_MAX, QUICK_REPLY_TITLE_MAX, REPLY_TEXT_MAX, UNKNOWN_APP_OWNER } from "./constants";
import { replyWindow, type ReplyWindow } from "./messaging-window";
import { replyTarget, type ReplyTarget } from "./reply-target";

const quickReplySchema = z.object({
  title: inputString("composer.reply.quickReplyTitle", QUICK_REPLY_TITLE_MAX).min(1, required("composer.reply.quickReplyTitle")),
  /** What the webhook reports when the person taps it; the title when left out. */
  payload: inputString("composer.reply.quickReplyPayload", QUICK_REPLY_PAYLOAD_MAX).min(1, required("composer.reply.quickReplyPayload")).optional(),
});

/** A reply: a text or one uploaded file (by the upload id uploadAttachment answered), with up to 13 quick replies. */
export const replySchema = z
  .object({
    text: inputString("conversations.reply.text", REPLY_TEXT_MAX).optional(),
    quickReplies: z
      .array(quickReplySchema)
      .max(QUICK_REPLIES_MAX, { error: say("composer.quickReplies.limit", { max: QUICK_REPLIES_MAX, chars: QUICK_REPLY_TITLE_MAX }) })
      .optional(),
    attachment: z.object({ uploadId: z.uuid() }).optional(),
  })
  .refine((r) => Boolean(r.text) || r.attachment !== undefined, { error: say("validation.required", { field: { key: "conversations.reply.text" } }), path: ["text"] })
  .refine((r) => !(r.text && r.attachment), { error: say("composer.reply.textAndFile"), path: ["attachment"] })
  .meta({
    examples: [
      { text: "Your order ships today 📦", quickReplies: [{ title: "Track it", payload: "TRACK" }, { title: "Thanks!" }] },
      { attachment: { uploadId: "0190f5d2-7777-7888-9999-aaaabbbbcccc" } },
    ],
  });
export type ReplyInput = z.input<typeof replySchema>;

/** What the composer and the API are told about a reply: its state, and Meta's reason when it failed. */
export interface SentReply {
  id: string;
  conversationId: string;
  mid: string | null;
  text: string;
  /** The file it carries (Meta's attachment type and the file's name), when it is one. */
  attachment: { type: string; fileName: string } | null;
  quickReplies: { title: string; payload: string }[] | null;
  sendStatus: "sending" | "sent" | "failed";
  messagingType: string;
  tag: string | null;
  failureCode: number | null;
  failureReason: string | null;
  timestamp: number;
}

/** The marker our sends carry in Meta's `metadata`, so their echoes are matched to the stored reply (never shown twice). */
export const REPLY_METADATA_PREFIX = "md:";

type GraphQuickReply = { content_type: "text"; title: string; payload: string };
type StoredAttachment = { type: string; payload: { attachment_id: string; title: string; upload_id: string } };

/**
 * Sends a reply to the person of a conversation, under the rule Meta's windows allow at this moment
 * (messaging-window.ts): RESPONSE within 24 hours, HUMAN_AGENT up to 7 days for a person on a channel with the
 * permission. Outside them, or while another app controls the thread (Conversation Routing, as our record
 * has it), the reply is refused with the rule (409) before anything is stored or sent, and Meta is never
 * called. The reply is stored as "sending" (open dashboards see it at once), then Meta's answer makes it
 * "sent" with Meta's message id, or "failed" with Meta's code and reason (retryable).
 */
export async function sendReply({ ctx, conversationId, input }: { ctx: OrgContext; conversationId: string; input: ReplyInput }): Promise<SentReply> {
  requirePermission(ctx, "conversations.reply");
  const parsed = parseInput(replySchema, input);
  const db = await getDb();
  const target = await replyTarget(ctx, conversationId);
  const window = allowedWindow(ctx, target);
  const attachment = parsed.attachment ? await uploadOf(ctx, target, parsed.attachment.uploadId) : null;
  const quickReplies = parsed.quickReplies?.length ? parsed.quickReplies.map((q): GraphQuickReply => ({ content_type: "text", title: q.title, payload: q.payload ?? q.title })) : null;
  const text = parsed.text || null;
  const now = Date.now();
  const stored = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(messages)
      .values({
        orgId: ctx.org.id,
        channelId: target.channelId,
        conversationId,
        direction: "outbound",
        kind: attachment ? "attachments" : "text",
        text,
        attachments: attachment ? [attachment] : null,
        quickReplies,
        source: "app",
        timestamp: now,
        sendStatus: "sending",
        messagingType: window.messagingType,
        tag: window.state === "human_agent" ? window.tag : null,
        sentByMembershipId: ctx.membershipId,
      })
      .returning();
    await publishRealtime(tx, { type: "message.created", orgId: ctx.org.id, channelId: target.channelId, conversationId, at: now });
    return row;
  });
  return deliver(ctx, target, stored, window);
}

/**
 * Sends a failed reply again, under the rule that applies now (a reply that failed inside the 24 hours may
 * need HUMAN_AGENT by the time it is retried, or may no longer be allowed at all).
 */
export async function retryReply({ ctx, messageId, conversationId }: { ctx: OrgContext; messageId: string; conversationId?: string }): Promise<SentReply> {
  requirePermission(ctx, "conversations.reply");
  const db = await getDb();
  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, ctx.org.id), eq(messages.id, messageId)));
  if (!message || message.sendStatus === null || (conversationId !== undefined && message.conversationId !== conversationId)) throw new NotFoundError("conversations.errors.messageNotFound");
  const target = await replyTarget(ctx, message.conversationId);
  if (message.sendStatus !== "failed") throw new ConflictError("conversations.reply.notFailed");
  const window = allowedWindow(ctx, target);
  const [claimed] = await db
    .update(messages)
    .set({ sendStatus: "sending", failureCode: null, failureReason: null, messagingType: window.messagingType, tag: window.state === "human_agent" ? window.tag : null })
    .where(and(eq(messages.id, messageId), eq(messages.sendStatus, "failed")))
    .returning();
  // Two retries at once: the first one sends, the second finds it no longer failed.
  if (!claimed) throw new ConflictError("conversations.reply.notFailed");
  return deliver(ctx, target, claimed, window);
}

type SendableWindow = Extract<ReplyWindow, { state: "open" | "human_agent" }>;

/** The rule a reply goes out under now, or a 409 that states the rule which refuses it. */
export function allowedWindow(ctx: OrgContext, target: ReplyTarget): SendableWindow {
  if (!target.channelUsable) throw new ConflictError("conversations.reply.refused.channelUnavailable");
  if (target.threadOwnerAppId !== null) throw new ConflictError("composer.refused.otherAppControls");
  const window = replyWindow({
    lastInboundAt: target.lastInboundAt?.getTime() ?? null,
    now: Date.now(),
    humanAgentEnabled: target.humanAgentEnabled,
    sentByPerson: ctx.actor.type === "user",
  });
  if (window.state === "open" || window.state === "human_agent") return window;
  if (window.state === "needs_human_agent") throw new ConflictError(window.reason === "no_permission" ? "conversations.reply.refused.noHumanAgentPermission" : "conversations.reply.refused.notAPerson");
  throw new ConflictError(window.reason === "never_wrote" ? "conversations.reply.refused.neverWrote" : "conversations.reply.refused.expired");
}

/** The upload a reply refers to, on the conversation's own channel (Meta's attachment ids are per Page). */
async function uploadOf(ctx: OrgContext, target: ReplyTarget, uploadId: string): Promise<StoredAttachment> {
  const db = await getDb();
  const [upload] = await db
    .select()
    .from(messageAttachmentUploads)
    .where(and(eq(messageAttachmentUploads.orgId, ctx.org.id), eq(messageAttachmentUploads.channelId, target.channelId), eq(messageAttachmentUploads.id, uploadId)));
  if (!upload) throw ValidationError.forField("attachment.uploadId", "composer.attachment.notFound");
  return { type: upload.type, payload: { attachment_id: upload.attachmentId, title: upload.fileName, upload_id: upload.id } };
}

/** Sends the stored reply (the row as stored or claimed: no read again on the way to Meta) and records Meta's answer. */
async function deliver(ctx: OrgContext, target: ReplyTarget, message: typeof messages.$inferSelect, window: SendableWindow): Promise<SentReply> {
  const db = await getDb();
  const messageId = message.id;
  const attachment = (message.attachments as StoredAttachment[] | null)?.[0] ?? null;
  const quickReplies = (message.quickReplies as GraphQuickReply[] | null) ?? null;
  const graph = new GraphClient({ version: target.graphApiVersion });
  const content: Record<string, unknown> = attachment
    ? { attachment: { type: attachment.type, payload: { attachment_id: attachment.payload.attachment_id } } }
    : { text: message.text ?? "" };
  if (quickReplies) content.quick_replies = quickReplies;
  content.metadata = `${REPLY_METADATA_PREFIX}${messageId}`;
  const body: Record<string, unknown> = { recipient: { id: target.psid }, messaging_type: window.messagingType, message: content };
  if (window.state === "human_agent") body.tag = window.tag;
  let outcome: Partial<typeof messages.$inferInsert>;
  let otherAppControls = false;
  try {
    const answer = await graph.sendMessage(target.pageId, openPageToken(target), body);
    outcome = { sendStatus: "sent", mid: answer.message_id ?? null };
  } catch (error) {
    if (error instanceof GraphError) {
      outcome = { sendStatus: "failed", failureCode: error.code, failureReason: error.reason };
      otherAppControls = error.subcode === 2018300;
      // A refused token is the channel's problem, not this message's: the channel shows "reconnect needed".
      if (error.errorClass === "auth") await recordChannelError(ctx.org.id, target.channelId, "send_api", error.reason, error.code);
      if (error.code === 190) await flagReconnectNeeded(target.channelId, refusalOf(error));
    } else {
      outcome = { sendStatus: "failed", failureCode: null, failureReason: `Graph API unreachable: ${(error as Error).message}` };
    }
  }
  const [row] = await db.transaction(async (tx) => {
    // The echo may have attached Meta's mid already (webhook processing matches it by our metadata).
    const updated = await tx
      .update(messages)
      .set(outcome.mid ? { ...outcome, mid: outcome.mid } : outcome)
      .where(eq(messages.id, messageId))
      .returning();
    // The conversation's last message moves here, after Meta's answer, not with the insert before the call: the
    // webhook's processing holds the rows of the conversations it is writing to until its batch commits, and
    // waiting for that before calling Meta put up to a batch's time (a second under load) on every reply.
    // Only forward in time: a person's message stored meanwhile stays the last one (and a retry changes nothing).
    const sentAt = new Date(message.timestamp);
    await tx
      .update(conversations)
      .set({ lastMessageAt: sentAt, lastMessagePreview: message.text?.slice(0, 140) ?? null, lastMessageKind: attachment ? attachment.type : "text" })
      .where(and(eq(conversations.id, target.conversationId), or(isNull(conversations.lastMessageAt), lte(conversations.lastMessageAt, sentAt))));
    // Meta says another app controls the thread (a handover we never heard of): lock the composer until it is back.
    if (otherAppControls) {
      await tx
        .update(conversations)
        .set({ threadOwnerAppId: UNKNOWN_APP_OWNER, threadOwnerChangedAt: new Date() })
        .where(and(eq(conversations.id, target.conversationId), isNull(conversations.threadOwnerAppId)));
      await publishRealtime(tx, { type: "conversation.updated", orgId: ctx.org.id, channelId: target.channelId, conversationId: target.conversationId, at: Date.now() });
    }
    await publishRealtime(tx, { type: "message.status", orgId: ctx.org.id, channelId: target.channelId, conversationId: target.conversationId, at: Date.now() });
    return updated;
  });
  return toSentReply(row, window.messagingType);
}

export function toSentReply(row: typeof messages.$inferSelect, messagingType = "RESPONSE"): SentReply {
  const attachment = (row.attachments as StoredAttachment[] | null)?.[0] ?? null;
  return {
    id: row.id,
    conversationId: row.conversationId,
    mid: row.mid,
    text: row.text ?? "",
    attachment: attachment ? { type: attachment.type, fileName: attachment.payload.title } : null,
    quickReplies: ((row.quickReplies as GraphQuickReply[] | null) ?? null)?.map((q) => ({ title: q.title, payload: q.payload })) ?? null,
    sendStatus: row.sendStatus ?? "sent",
    messagingType: row.messagingType ?? messagingType,
    tag: row.tag,
    failureCode: row.failureCode,
    failureReason: row.failureReason,
    timestamp: row.timestamp,
  };
}
