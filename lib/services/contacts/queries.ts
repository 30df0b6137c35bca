import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, contacts } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";

export type ContactRow = typeof contacts.$inferSelect;

/**
 * A contact the actor may see: of the organisation and, for agents, of a channel of their skill groups (the
 * conversation list's scope). Anything else, or a malformed id, is not found.
 */
export async function getContactInScope(db: DbOrTx, ctx: OrgContext, contactId: string, lock = false): Promise<ContactRow> {
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) throw new NotFoundError("contacts.errors.notFound");
  const query = db
    .select({ contact: contacts })
    .from(contacts)
    .innerJoin(channels, eq(channels.id, contacts.channelId))
    .where(and(eq(contacts.orgId, ctx.org.id), eq(contacts.id, contactId), conversationChannelScope(db, ctx)));
  const [row] = lock ? await query.for("update", { of: contacts }) : await query;
  if (!row) throw new NotFoundError("contacts.errors.notFound");
  return row.contact;
}
