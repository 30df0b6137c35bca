import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { conversationNotes, memberNotifications } from "@/db/schema";
import { publishRealtime, type RealtimeEvent } from "@/lib/realtime";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { mentionedIds, notePlainText } from "./mentions";
import { membersWhoSee } from "./note-audience";
import { noteInputSchema } from "./note-schemas";
import { actingMembershipId, loadNotes } from "./notes";
import { getConversationInOrg } from "./queries";
import type { ConversationNote } from "./schemas";

/** How much of a note a notification carries. */
const EXCERPT_MAX = 140;

/**
 * A private note on a conversation the actor may see (else NotFound, as for another organisation's). Stored
 * only: a note is never sent to Meta. Each member @mentioned (`@[Name](membershipId)`, see mentions.ts) who
 * may see the conversation gets a notification in the same transaction; a mention of anyone else (another
 * organisation's member, an agent of another skill group, a made-up id) is ignored without a word, so a note
 * never tells its author who exists or who sees what.
 */
export async function addConversationNote({ ctx, conversationId, input }: { ctx: OrgContext; conversationId: string; input: unknown }): Promise<ConversationNote> {
  requirePermission(ctx, "conversations.reply");
  const { body } = parseInput(noteInputSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const conversation = await getConversationInOrg(tx, ctx, conversationId);
    const where = { orgId: ctx.org.id, channelId: conversation.channelId };
    const mentioned = await membersWhoSee(tx, where, { ids: mentionedIds(body) });
    const ids = mentioned.map((m) => m.membershipId);
    const author = await actingMembershipId(tx, ctx);
    const [note] = await tx
      .insert(conversationNotes)
      .values({ orgId: ctx.org.id, conversationId: conversation.id, authorMembershipId: author, body, mentionedMembershipIds: ids, createdAt: sql`clock_timestamp()` })
      .returning({ id: conversationNotes.id });
    // Nobody is told of their own mention.
    const notified = ids.filter((id) => id !== author);
    const excerpt = cut(notePlainText(body), EXCERPT_MAX);
    if (notified.length > 0) {
      await tx.insert(memberNotifications).values(
        notified.map((membershipId) => ({ orgId: ctx.org.id, membershipId, kind: "mention" as const, conversationId: conversation.id, noteId: note!.id, actorMembershipId: author, excerpt })),
      );
    }
    const at = Date.now();
    const events: RealtimeEvent[] = [
      { type: "note.created", orgId: ctx.org.id, conversationId: conversation.id, channelId: conversation.channelId, at },
      ...notified.map((membershipId): RealtimeEvent => ({ type: "notification.created", orgId: ctx.org.id, membershipId, conversationId: conversation.id, at })),
    ];
    await publishRealtime(tx, events);
    const [saved] = await loadNotes(tx, ctx.org.id, conversation.id, { id: note!.id });
    return saved!;
  });
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
