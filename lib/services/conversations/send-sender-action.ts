import { and, desc, eq } from "drizzle-orm";
import { openPageToken } from "@/lib/services/channels";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { BadRequestError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { STANDARD_WINDOW_MS } from "./messaging-window";
import { replyTarget } from "./reply-target";

export const SENDER_ACTIONS = ["typing_on", "typing_off", "mark_seen"] as const;
export type SenderAction = (typeof SENDER_ACTIONS)[number];

/**
 * Shows the person the agent's typing bubble (typing_on / typing_off) or marks what they sent as seen
 * (mark_seen, only when the conversation's latest message is theirs). Sender actions are a courtesy: outside
 * the 24-hour window, while another app controls the thread, or on an unusable channel they are skipped
 * silently (no Graph call, `sent: false`), and Meta refusing one is not an error for the agent.
 */
export async function sendSenderAction({ ctx, conversationId, action }: { ctx: OrgContext; conversationId: string; action: string }): Promise<{ sent: boolean }> {
  requirePermission(ctx, "conversations.reply");
  if (!(SENDER_ACTIONS as readonly string[]).includes(action)) throw new BadRequestError("composer.senderAction.unknown");
  const target = await replyTarget(ctx, conversationId);
  const lastInbound = target.lastInboundAt?.getTime() ?? null;
  if (!target.channelUsable || target.threadOwnerAppId !== null || lastInbound === null || Date.now() - lastInbound >= STANDARD_WINDOW_MS) return { sent: false };
  if (action === "mark_seen") {
    const db = await getDb();
    const [latest] = await db
      .select({ direction: messages.direction })
      .from(messages)
      .where(and(eq(messages.orgId, ctx.org.id), eq(messages.conversationId, conversationId)))
      .orderBy(desc(messages.timestamp), desc(messages.id))
      .limit(1);
    if (latest?.direction !== "inbound") return { sent: false };
  }
  try {
    await new GraphClient({ version: target.graphApiVersion }).sendSenderAction(target.pageId, openPageToken(target), target.psid, action as SenderAction);
    return { sent: true };
  } catch {
    return { sent: false };
  }
}
