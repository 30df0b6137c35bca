import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getConversationInOrg, toSummary } from "./queries";
import { toConversationMessages } from "./message-rows";
import { loadTimeline } from "./timeline";
import type { ConversationDetail } from "./schemas";

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
  const shown = rows.slice(0, limit).reverse();
  const list = await toConversationMessages(db, { orgId: ctx.org.id, channelId: row.channelId, deliveredWatermark: row.deliveredWatermark, readWatermark: row.readWatermark }, shown);
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
