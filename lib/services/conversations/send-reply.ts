import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { channels, contacts, conversations, messages } from "@/db/schema";
import { open } from "@/lib/crypto/secrets";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { publishRealtime } from "@/lib/realtime";
import { recordChannelError } from "@/lib/services/channel-health";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { inputString, parseInput, required } from "@/lib/validation";
import { replyWindow, type ReplyWindow } from "./messaging-window";
import { getConversationInOrg } from "./queries";

export const replySchema = z.object({
  text: inputString("conversations.reply.text", 2000).min(1, required("conversations.reply.text")),
});
export type ReplyInput = z.input<typeof replySchema>;

/** What the composer and the API are told about a reply: its state, and Meta's reason when it failed. */
export interface SentReply {
  id: string;
  conversationId: string;
  mid: string | null;
  text: string;
  sendStatus: "sending" | "sent" | "failed";
  messagingType: string;
  tag: string | null;
  failureCode: number | null;
  failureReason: string | null;
  timestamp: number;
}

/** The marker our sends carry in Meta's `metadata`, so their echoes are matched to the stored reply (never shown twice). */
export const REPLY_METADATA_PREFIX = "md:";

/**
 * Sends a reply to the person of a conversation, under the rule Meta's windows allow at this moment
 * (messaging-window.ts): RESPONSE within 24 hours, HUMAN_AGENT up to 7 days for a person on a channel with the
 * permission. Outside them the reply is refused with the rule (409) before anything is stored or sent, and
 * Meta is never called. The reply is stored as "sending" (open dashboards see it at once), then Meta's answer
 * makes it "sent" with Meta's message id, or "failed" with Meta's code and reason (retryable).
 */
export async function sendReply({ ctx, conversationId, input }: { ctx: OrgContext; conversationId: string; input: ReplyInput }): Promise<SentReply> {
  requirePermission(ctx, "conversations.reply");
  const { text } = parseInput(replySchema, input);
  const db = await getDb();
  const target = await replyTarget(ctx, conversationId);
  const window = allowedWindow(ctx, target);
  const now = Date.now();
  const stored = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(messages)
      .values({
        orgId: ctx.org.id,
        channelId: target.channelId,
        conversationId,
        direction: "outbound",
        kind: "text",
        text,
        source: "app",
        timestamp: now,
        sendStatus: "sending",
        messagingType: window.messagingType,
        tag: window.state === "human_agent" ? window.tag : null,
        sentByMembershipId: ctx.membershipId,
      })
      .returning();
    await tx
      .update(conversations)
      .set({ lastMessageAt: new Date(now), lastMessagePreview: text.slice(0, 140), lastMessageKind: "text" })
      .where(eq(conversations.id, conversationId));
    await publishRealtime(tx, { type: "message.created", orgId: ctx.org.id, channelId: target.channelId, conversationId, at: now });
    return row;
  });
  return deliver(ctx, target, stored.id, { text, window });
}

/**
 * Sends a failed reply again, under the rule that applies now (a reply that failed inside the 24 hours may
 * need HUMAN_AGENT by the time it is retried, or may no longer be allowed at all).
 */
export async function retryReply({ ctx, messageId }: { ctx: OrgContext; messageId: string }): Promise<SentReply> {
  requirePermission(ctx, "conversations.reply");
  const db = await getDb();
  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, ctx.org.id), eq(messages.id, messageId)));
  if (!message || message.sendStatus === null) throw new NotFoundError("conversations.errors.messageNotFound");
  const target = await replyTarget(ctx, message.conversationId);
  if (message.sendStatus !== "failed") throw new ConflictError("conversations.reply.notFailed");
  const window = allowedWindow(ctx, target);
  const [claimed] = await db
    .update(messages)
    .set({ sendStatus: "sending", failureCode: null, failureReason: null, messagingType: window.messagingType, tag: window.state === "human_agent" ? window.tag : null })
    .where(and(eq(messages.id, messageId), eq(messages.sendStatus, "failed")))
    .returning({ id: messages.id });
  // Two retries at once: the first one sends, the second finds it no longer failed.
  if (!claimed) throw new ConflictError("conversations.reply.notFailed");
  return deliver(ctx, target, messageId, { text: message.text ?? "", window });
}

interface ReplyTarget {
  conversationId: string;
  channelId: string;
  pageId: string;
  graphApiVersion: string;
  pageAccessTokenSealed: string;
  humanAgentEnabled: boolean;
  channelUsable: boolean;
  psid: string;
  lastInboundAt: Date | null;
}

/** The conversation (within the actor's scope: 404 otherwise), its person and its channel. */
async function replyTarget(ctx: OrgContext, conversationId: string): Promise<ReplyTarget> {
  const db = await getDb();
  await getConversationInOrg(db, ctx, conversationId);
  const [row] = await db
    .select({
      conversationId: conversations.id,
      channelId: channels.id,
      pageId: channels.pageId,
      graphApiVersion: channels.graphApiVersion,
      pageAccessTokenSealed: channels.pageAccessTokenSealed,
      humanAgentEnabled: channels.humanAgentEnabled,
      status: channels.status,
      deletedAt: channels.deletedAt,
      psid: contacts.psid,
      lastInboundAt: contacts.lastInboundAt,
    })
    .from(conversations)
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId)));
  if (!row) throw new NotFoundError("conversations.errors.notFound");
  return { ...row, channelUsable: row.status === "active" && row.deletedAt === null };
}

type SendableWindow = Extract<ReplyWindow, { state: "open" | "human_agent" }>;

/** The rule a reply goes out under now, or a 409 that states the rule which refuses it. */
function allowedWindow(ctx: OrgContext, target: ReplyTarget): SendableWindow {
  if (!target.channelUsable) throw new ConflictError("conversations.reply.refused.channelUnavailable");
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

async function deliver(ctx: OrgContext, target: ReplyTarget, messageId: string, { text, window }: { text: string; window: SendableWindow }): Promise<SentReply> {
  const graph = new GraphClient({ version: target.graphApiVersion });
  const body: Record<string, unknown> = {
    recipient: { id: target.psid },
    messaging_type: window.messagingType,
    message: { text, metadata: `${REPLY_METADATA_PREFIX}${messageId}` },
  };
  if (window.state === "human_agent") body.tag = window.tag;
  let outcome: Partial<typeof messages.$inferInsert>;
  try {
    const answer = await graph.sendMessage(target.pageId, open(target.pageAccessTokenSealed), body);
    outcome = { sendStatus: "sent", mid: answer.message_id ?? null };
  } catch (error) {
    if (error instanceof GraphError) {
      outcome = { sendStatus: "failed", failureCode: error.code, failureReason: error.reason };
      // A refused token is the channel's problem, not this message's: the channel shows "reconnect needed".
      if (error.errorClass === "auth") await recordChannelError(ctx.org.id, target.channelId, "send_api", error.reason, error.code);
    } else {
      outcome = { sendStatus: "failed", failureCode: null, failureReason: `Graph API unreachable: ${(error as Error).message}` };
    }
  }
  const db = await getDb();
  const [row] = await db.transaction(async (tx) => {
    // The echo may have attached Meta's mid already (webhook processing matches it by our metadata).
    const updated = await tx
      .update(messages)
      .set(outcome.mid ? { ...outcome, mid: outcome.mid } : outcome)
      .where(eq(messages.id, messageId))
      .returning();
    await publishRealtime(tx, { type: "message.status", orgId: ctx.org.id, channelId: target.channelId, conversationId: target.conversationId, at: Date.now() });
    return updated;
  });
  return {
    id: row.id,
    conversationId: row.conversationId,
    mid: row.mid,
    text: row.text ?? "",
    sendStatus: row.sendStatus ?? "sent",
    messagingType: row.messagingType ?? window.messagingType,
    tag: row.tag,
    failureCode: row.failureCode,
    failureReason: row.failureReason,
    timestamp: row.timestamp,
  };
}
