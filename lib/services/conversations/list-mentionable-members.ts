import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { membersWhoSee } from "./note-audience";
import { mentionSearchSchema } from "./note-schemas";
import { getConversationInOrg } from "./queries";
import type { MentionableMember } from "./schemas";

/** The @ picker: members (not the actor) who may see the conversation, whose name or e-mail matches `q`. */
export async function listMentionableMembers({ ctx, conversationId, q }: { ctx: OrgContext; conversationId: string; q?: unknown }): Promise<MentionableMember[]> {
  requirePermission(ctx, "conversations.reply");
  const { q: query } = parseInput(mentionSearchSchema, { q: q ?? "" });
  const db = await getDb();
  const conversation = await getConversationInOrg(db, ctx, conversationId);
  return membersWhoSee(db, { orgId: ctx.org.id, channelId: conversation.channelId }, { q: query || undefined, exclude: ctx.membershipId, limit: 8 });
}
