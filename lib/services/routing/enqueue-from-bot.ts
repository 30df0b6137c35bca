import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversations } from "@/db/schema";
import type { DeskEvent } from "./events";
import { recordActivities } from "./queries";
import { openOnInbound } from "./reopen-conversation";

type HandoverReason = "user_request" | "misses" | "keyword" | "menu" | "connector" | "connector_failed" | "human_first";

/**
 * The bot hands a conversation it held to the desk, inside the bot's transaction: the conversation opens and
 * enters its skill group's queue as any conversation the person wrote to does (openOnInbound), with a
 * bot_handover activity whose memo is the reason. Route the returned ids once the transaction commits.
 */
export async function enqueueFromBot(tx: Tx, orgId: string, conversationId: string, reason: HandoverReason): Promise<{ toRoute: string[]; events: DeskEvent[] }> {
  const opened = await openOnInbound(tx, orgId, [conversationId]);
  const [row] = await tx.select({ skillGroupId: conversations.skillGroupId, assigneeMembershipId: conversations.assigneeMembershipId }).from(conversations).where(eq(conversations.id, conversationId));
  const events = await recordActivities(tx, [
    { conversation: { id: conversationId, orgId }, kind: "bot_handover", actorMembershipId: null, to: { membershipId: row?.assigneeMembershipId ?? null, skillGroupId: row?.skillGroupId ?? null, status: "open" }, memo: reason },
  ]);
  return { toRoute: opened.toRoute, events: [...opened.events, ...events] };
}
