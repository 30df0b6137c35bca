import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { botConnectors, botEvents, channels, contacts, conversationBotStates, conversations, faqEntries, messages } from "@/db/schema";
import { publishRealtime } from "@/lib/realtime";
import { askConnector } from "@/lib/services/bot-connectors";
import { detectLanguage, matchFaq } from "@/lib/services/faqs";
import { enqueueFromBot, openOnInbound, routeConversations, toRealtimeEvents, type DeskEvent } from "@/lib/services/routing";
import type { BotTurn } from "./claim-conversations";
import type { BotLanguage, BotMessage, FaqMatch } from "./contract";
import { hoursOf } from "./hours";
import { planTurn } from "./plan-turn";
import { queueLengthOf, resolveBotConfig } from "./resolve-config";
import { sendBotMessages } from "./send-bot-messages";

/** Meta's standard messaging window: the bot answers only within it, as RESPONSE (never a message tag). */
export const RESPONSE_WINDOW_MS = 24 * 3_600_000;

/** The provisional mid of the bot's `index`-th message for a turn: unique per channel, so a repeated turn stores nothing twice. */
export const botMid = (turnKey: string, index: number) => `bot:${turnKey}:${index}`;

/**
 * Answers the turns webhook processing handed over (a workflow step, after the batch committed), in order,
 * then sends what was stored. Each turn stores the bot's messages (source "bot", sending) with its state,
 * events and any handover in one transaction before Meta is called, so a repeated step decides nothing twice
 * and only sends what is still unsent.
 */
export async function runBotTurns({ orgId, channelId, turns }: { orgId: string; channelId: string; turns: BotTurn[] }): Promise<{ turns: number; sent: number; failed: number }> {
  const touched = new Set<string>();
  const failed: { turn: BotTurn; error: unknown }[] = [];
  for (const turn of turns) {
    // One turn's failure (a connector's bug, a lost connection) does not keep the others' answers back.
    try {
      if (await runTurn(orgId, channelId, turn)) touched.add(turn.conversationId);
    } catch (error) {
      failed.push({ turn, error });
    }
  }
  // Also what an earlier, interrupted attempt stored but did not send.
  const sent = await sendBotMessages({ orgId, conversationIds: [...new Set(turns.map((t) => t.conversationId))] });
  // Failing the step makes the workflow retry it: turns already answered are recognised and skipped.
  if (failed.length > 0) throw new Error(`bot: ${failed.length} of ${turns.length} turns failed: ${(failed[0]!.error as Error).message}`, { cause: failed[0]!.error });
  return { turns: touched.size, ...sent };
}

async function runTurn(orgId: string, channelId: string, turn: BotTurn): Promise<boolean> {
  const db = await getDb();
  const [target] = await db
    .select({
      conversation: conversations,
      psid: contacts.psid,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      locale: contacts.locale,
      lastInboundAt: contacts.lastInboundAt,
      pageId: channels.pageId,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(and(eq(conversations.orgId, orgId), eq(conversations.channelId, channelId), eq(conversations.id, turn.conversationId)));
  if (!target) return false;
  // The 24-hour rule: a turn processed too late (a backlog, a long outage) gets no answer at all.
  if (!target.lastInboundAt || Date.now() - target.lastInboundAt.getTime() >= RESPONSE_WINDOW_MS) return false;
  if (await answeredAlready(channelId, turn)) return false;
  const [state] = await db.select().from(conversationBotStates).where(eq(conversationBotStates.conversationId, turn.conversationId));
  if (!state || state.status !== "active") return false;
  const conversation = target.conversation;
  const config = await resolveBotConfig(db, { orgId, channelId, skillGroupId: conversation.skillGroupId });
  if (!config) {
    // The bot was switched off while it held the conversation: the desk takes it, without a word from the bot.
    const opened = await db.transaction(async (tx) => {
      await tx.delete(conversationBotStates).where(eq(conversationBotStates.conversationId, turn.conversationId));
      return openOnInbound(tx, orgId, [turn.conversationId]);
    });
    await settle(orgId, opened.toRoute, opened.events);
    return false;
  }
  const thresholds = { answer: config.answerThreshold ?? undefined, suggest: config.suggestThreshold ?? undefined };
  const scope = { orgId, channelId, skillGroupId: conversation.skillGroupId };
  const plan = await planTurn(
    { state, config, turn },
    {
      match: (text) => matchFaq({ ...scope, text, thresholds }),
      entry: (faqId) => entryOf(orgId, faqId),
      hours: (language: BotLanguage) => hoursOf(db, conversation.skillGroupId, language),
      queueIsShort: async () => !conversation.skillGroupId || (await queueLengthOf(db, conversation.skillGroupId)) < config.humanFirstQueueLength,
      detectLanguage,
      askExternal: async (language) => {
        const [connector] = await db.select({ fallback: botConnectors.fallback }).from(botConnectors).where(and(eq(botConnectors.orgId, orgId), eq(botConnectors.id, config.connectorId!)));
        const reply = await askConnector({
          orgId,
          connectorId: config.connectorId!,
          request: {
            id: turn.key,
            conversationId: turn.conversationId,
            channel: { id: channelId, pageId: target.pageId },
            contact: { psid: target.psid, name: [target.firstName, target.lastName].filter(Boolean).join(" ") || null, locale: target.locale },
            message: { text: turn.text, quickReplyPayload: turn.quickReplyPayload, postbackPayload: turn.postbackPayload, timestamp: turn.timestamp },
            language,
          },
        });
        return { reply, fallback: connector?.fallback ?? "queue" };
      },
    },
  );
  const outcome = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(conversationBotStates).where(eq(conversationBotStates.conversationId, turn.conversationId)).for("update");
    if (!locked || locked.status !== "active" || locked.updatedAt.getTime() !== state.updatedAt.getTime()) return null;
    const now = Date.now();
    const rows = plan.messages.map((message, index) => ({ ...messageRow(message), orgId, channelId, conversationId: turn.conversationId, mid: botMid(turn.key, index), timestamp: now + index }));
    if (rows.length > 0) {
      const inserted = await tx.insert(messages).values(rows).onConflictDoNothing().returning({ id: messages.id });
      if (inserted.length === 0) return null;
      const last = rows[rows.length - 1]!;
      await tx
        .update(conversations)
        .set({ lastMessageAt: new Date(last.timestamp), lastMessagePreview: last.text?.slice(0, 140) ?? null, lastMessageKind: last.kind === "text" ? "text" : (last.attachments?.[0]?.type ?? "text") })
        .where(eq(conversations.id, turn.conversationId));
    }
    await tx.update(conversationBotStates).set({ ...plan.state, updatedAt: new Date() }).where(eq(conversationBotStates.conversationId, turn.conversationId));
    if (plan.events.length > 0) {
      const language = plan.state.language ?? state.language ?? null;
      await tx.insert(botEvents).values(plan.events.map((e) => ({ orgId, channelId, conversationId: turn.conversationId, kind: e.kind, faqId: e.faqId ?? null, score: e.score ?? null, question: e.question ?? null, language, handoverReason: e.handoverReason ?? null })));
    }
    const handed = plan.handover ? await enqueueFromBot(tx, orgId, turn.conversationId, plan.handover) : { toRoute: [], events: [] as DeskEvent[] };
    await publishRealtime(tx, { type: "message.created", orgId, channelId, conversationId: turn.conversationId, at: now });
    return handed;
  });
  if (!outcome) return false;
  await settle(orgId, outcome.toRoute, outcome.events);
  return true;
}

/**
 * Whether an earlier run of this step answered the turn already: the bot stored something in the conversation
 * after the person's message was stored (turns of a conversation run in order, so a later turn's answer also
 * means this one was done), or its provisional mid is still there.
 */
async function answeredAlready(channelId: string, turn: BotTurn): Promise<boolean> {
  const db = await getDb();
  const rows = rowsOf<{ done: boolean }>(
    await db.execute(sql`
      select exists (select 1 from messages where channel_id = ${channelId}::uuid and mid = ${botMid(turn.key, 0)})
          or exists (
               select 1 from messages b join messages i on i.conversation_id = b.conversation_id
                where i.channel_id = ${channelId}::uuid and i.mid = ${turn.key} and b.source = 'bot' and b.created_at > i.created_at) as done`),
  );
  return Boolean(rows[0]?.done);
}

/** Routes what entered the queue and announces the desk's changes, after the commit (routing takes the groups' locks). */
async function settle(orgId: string, toRoute: string[], events: DeskEvent[]): Promise<void> {
  const all = [...events];
  if (toRoute.length > 0) all.push(...(await routeConversations({ orgId, conversationIds: toRoute })).events);
  if (all.length > 0) await publishRealtime(await getDb(), toRealtimeEvents(all));
}

async function entryOf(orgId: string, faqId: string): Promise<FaqMatch | null> {
  if (!/^[0-9a-f-]{36}$/i.test(faqId)) return null;
  const db = await getDb();
  const [row] = await db.select().from(faqEntries).where(and(eq(faqEntries.orgId, orgId), eq(faqEntries.id, faqId), eq(faqEntries.enabled, true)));
  return row ? { faqId: row.id, question: row.question, language: row.language, answer: row.answer, score: 1 } : null;
}

type StoredAttachment = { type: string; payload: Record<string, unknown> };

/** The stored form of a bot message: what the thread shows, and exactly what a retried send sends. */
export function messageRow(message: BotMessage): { direction: "outbound"; kind: string; text: string | null; attachments: StoredAttachment[] | null; quickReplies: unknown; source: "bot"; sendStatus: "sending"; messagingType: "RESPONSE" } {
  const base = { direction: "outbound" as const, source: "bot" as const, sendStatus: "sending" as const, messagingType: "RESPONSE" as const };
  switch (message.kind) {
    case "text":
      return { ...base, kind: "text", text: message.text, attachments: null, quickReplies: message.quickReplies?.length ? message.quickReplies.map((q) => ({ content_type: "text", title: q.title, payload: q.payload })) : null };
    case "image":
      return { ...base, kind: "attachments", text: null, attachments: [{ type: "image", payload: { url: message.imageUrl } }], quickReplies: null };
    case "buttons":
      return { ...base, kind: "attachments", text: message.text, attachments: [{ type: "template", payload: { template_type: "button", text: message.text, buttons: message.buttons } }], quickReplies: null };
  }
}

