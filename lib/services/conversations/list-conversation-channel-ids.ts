import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { can, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";

/**
 * The channels whose conversations the actor sees, for the list's channel filter: null when every channel
 * (conversations.readAll), else the ids of the channels bound to the agent's skill groups.
 */
export async function listConversationChannelIds({ ctx }: { ctx: OrgContext }): Promise<string[] | null> {
  requirePermission(ctx, "conversations.read");
  if (can(ctx, "conversations.readAll")) return null;
  const db = await getDb();
  const rows = await db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.orgId, ctx.org.id), conversationChannelScope(db, ctx)));
  return rows.map((row) => row.id);
}
