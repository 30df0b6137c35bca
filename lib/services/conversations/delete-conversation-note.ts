import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { conversationNotes } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { publishRealtime } from "@/lib/realtime";
import { can, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { actingMembershipId } from "./notes";
import { getConversationInOrg } from "./queries";

/** Deletes a note (and the notifications it caused): its author may, and supervisors (`conversations.assign`). */
export async function deleteConversationNote({ ctx, conversationId, noteId }: { ctx: OrgContext; conversationId: string; noteId: string }): Promise<void> {
  requirePermission(ctx, "conversations.reply");
  if (!/^[0-9a-f-]{36}$/i.test(noteId)) throw new NotFoundError("conversations.errors.noteNotFound");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const conversation = await getConversationInOrg(tx, ctx, conversationId);
    const [note] = await tx
      .select({ id: conversationNotes.id, author: conversationNotes.authorMembershipId })
      .from(conversationNotes)
      .where(and(eq(conversationNotes.orgId, ctx.org.id), eq(conversationNotes.conversationId, conversation.id), eq(conversationNotes.id, noteId)));
    if (!note) throw new NotFoundError("conversations.errors.noteNotFound");
    const me = await actingMembershipId(tx, ctx);
    const mine = me !== null && note.author === me;
    if (!mine && !can(ctx, "conversations.assign")) throw new ForbiddenError("conversations.errors.notYourNote");
    await tx.delete(conversationNotes).where(eq(conversationNotes.id, note.id));
    await publishRealtime(tx, { type: "note.deleted", orgId: ctx.org.id, conversationId: conversation.id, channelId: conversation.channelId, at: Date.now() });
  });
}
