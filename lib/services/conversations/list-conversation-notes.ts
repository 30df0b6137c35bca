import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { loadNotes } from "./notes";
import { getConversationInOrg } from "./queries";
import type { ConversationNote } from "./schemas";

/** A conversation's private notes, oldest first (the latest 500). */
export async function listConversationNotes({ ctx, conversationId }: { ctx: OrgContext; conversationId: string }): Promise<ConversationNote[]> {
  requirePermission(ctx, "conversations.read");
  const db = await getDb();
  const conversation = await getConversationInOrg(db, ctx, conversationId);
  return loadNotes(db, ctx.org.id, conversation.id);
}
