import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversationBotStates, conversations } from "@/db/schema";
import { hoursOf } from "./hours";
import { orgHasBot, queueLengthOf, resolveBotConfig } from "./resolve-config";

/** One thing the person wrote (a message or a tapped button) to a conversation the bot holds: a turn to answer. */
export interface BotTurn {
  conversationId: string;
  /** The inbound message's mid (or its webhook event's id): names the bot's answer, so a repeated turn sends nothing twice. */
  key: string;
  text: string | null;
  quickReplyPayload: string | null;
  postbackPayload: string | null;
  timestamp: number;
}

/**
 * Inside webhook processing's transaction, before the desk opens what the person wrote to: which of these
 * conversations the bot holds (they are not queued), and the turns it has to answer once the batch commits.
 * A conversation is the bot's when its state is active, or when it starts afresh (new, or resolved, so no
 * agent has it) and its configuration's mode takes it: bot first and bot only always, human first only
 * outside working hours or while the queue holds `humanFirstQueueLength` or more. A conversation an agent
 * opened meanwhile (reopen, claim) is the agent's: the bot's state is marked handed over, silently.
 */
export async function claimForBot(tx: Tx, scope: { orgId: string; channelId: string }, inbound: BotTurn[]): Promise<{ taken: Set<string>; turns: BotTurn[] }> {
  const taken = new Set<string>();
  const ids = [...new Set(inbound.map((t) => t.conversationId))].sort();
  if (ids.length === 0) return { taken, turns: [] };
  const states = await tx.select().from(conversationBotStates).where(inArray(conversationBotStates.conversationId, ids)).orderBy(conversationBotStates.conversationId).for("update");
  if (states.length === 0 && !(await orgHasBot(tx, scope.orgId))) return { taken, turns: [] };
  const stateOf = new Map(states.map((s) => [s.conversationId, s]));
  const rows = await tx
    .select({ id: conversations.id, status: conversations.status, skillGroupId: conversations.skillGroupId, threadOwnerAppId: conversations.threadOwnerAppId })
    .from(conversations)
    .where(and(eq(conversations.orgId, scope.orgId), inArray(conversations.id, ids)));
  for (const conversation of rows) {
    const state = stateOf.get(conversation.id);
    if (state) {
      if (state.status !== "active") continue;
      if (conversation.status === "resolved") {
        taken.add(conversation.id);
        continue;
      }
      await tx.update(conversationBotStates).set({ status: "handed_over", handedOverAt: new Date() }).where(eq(conversationBotStates.conversationId, conversation.id));
      continue;
    }
    // An agent's (open, pending) or another app's thread is never taken.
    if (conversation.status !== "resolved" || conversation.threadOwnerAppId !== null) continue;
    const config = await resolveBotConfig(tx, { orgId: scope.orgId, channelId: scope.channelId, skillGroupId: conversation.skillGroupId });
    if (!config) continue;
    if (config.mode === "human_first" && conversation.skillGroupId) {
      const { within } = await hoursOf(tx, conversation.skillGroupId, "en");
      if (within && (await queueLengthOf(tx, conversation.skillGroupId)) < config.humanFirstQueueLength) continue;
    }
    await tx.insert(conversationBotStates).values({ conversationId: conversation.id, orgId: scope.orgId, status: "active" }).onConflictDoNothing();
    taken.add(conversation.id);
  }
  return { taken, turns: inbound.filter((t) => taken.has(t.conversationId)).sort((a, b) => a.timestamp - b.timestamp) };
}
