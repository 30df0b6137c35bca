import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, contacts, messagePermissions } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { unsubscribeFromMarketing } from "@/lib/graph/message-tokens";
import { flagReconnectNeeded } from "@/lib/services/channel-health";
import { openPageToken } from "@/lib/services/channels";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";

/** What an unsubscribe did: permissions marked stopped here, and tokens Meta says it stopped. */
export interface UnsubscribeResult {
  contactId: string;
  stopped: number;
  unsubscribedOnMeta: number | null;
}

/**
 * "Unsubscribe from marketing": tells Meta the person no longer receives the Page's marketing messages
 * (`messaging_customer_base/unsubscribe` with their PSID, which stops every token they hold on the Page), then
 * marks their active marketing and recurring permissions on that Page stopped. Meta first: should Meta refuse,
 * nothing changes here and the member can try again. Members who may reply may do it for a person they can
 * see (an agent is often the one asked); another organisation's or an unseen contact is not found. Audited.
 */
export async function unsubscribeContact({ ctx, contactId, now = new Date() }: { ctx: OrgContext; contactId: string; now?: Date }): Promise<UnsubscribeResult> {
  requirePermission(ctx, "conversations.reply");
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) throw new NotFoundError("contacts.errors.notFound");
  const db = await getDb();
  const [found] = await db
    .select({ contact: { id: contacts.id, psid: contacts.psid }, channel: channels })
    .from(contacts)
    .innerJoin(channels, eq(channels.id, contacts.channelId))
    .where(and(eq(contacts.orgId, ctx.org.id), eq(contacts.id, contactId), conversationChannelScope(db, ctx)));
  if (!found) throw new NotFoundError("contacts.errors.notFound");
  const { contact, channel } = found;

  let unsubscribedOnMeta: number | null = null;
  try {
    const answer = await unsubscribeFromMarketing(new GraphClient({ version: channel.graphApiVersion }), channel.pageId, openPageToken(channel), { psids: [contact.psid] });
    unsubscribedOnMeta = typeof answer.unsubscribed_tokens === "number" ? answer.unsubscribed_tokens : null;
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    if (error.code === 190) await flagReconnectNeeded(channel.id, { reason: error.reason, subcode: error.subcode ?? null });
    throw new ConflictError("permissions.errors.unsubscribeRefused", { reason: error.reason });
  }

  return db.transaction(async (tx) => {
    const stopped = await tx
      .update(messagePermissions)
      .set({ status: "stopped", stoppedAt: now, statusChangedAt: now, updatedAt: now })
      .where(
        and(
          eq(messagePermissions.orgId, ctx.org.id),
          eq(messagePermissions.channelId, channel.id),
          eq(messagePermissions.psid, contact.psid),
          inArray(messagePermissions.kind, ["marketing", "recurring"]),
          eq(messagePermissions.status, "active"),
        ),
      )
      .returning({ id: messagePermissions.id });
    await recordAudit(tx, ctx, { action: "contact.marketing_unsubscribed", resourceId: contact.id, after: { channelId: channel.id, stopped: stopped.length, unsubscribedOnMeta } });
    return { contactId: contact.id, stopped: stopped.length, unsubscribedOnMeta };
  });
}
