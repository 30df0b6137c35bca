import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { conversations } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { inboxConditions } from "./inbox-filters";
import { selectListItems } from "./list-items";
import type { ConversationListItem } from "./schemas";

/** One conversation as an inbox row (without its messages): another organisation's, or outside the actor's channels, is not found. */
export async function getConversationSummary({ ctx, conversationId }: { ctx: OrgContext; conversationId: string }): Promise<ConversationListItem> {
  requirePermission(ctx, "conversations.read");
  const db = await getDb();
  const [item] = await selectListItems(db, { where: and(inboxConditions(db, ctx, {}), eq(conversations.id, conversationId))!, limit: 1 });
  if (!item) throw new NotFoundError("conversations.errors.notFound");
  return item;
}
