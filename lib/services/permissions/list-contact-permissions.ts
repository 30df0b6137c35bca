import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, channels, contacts, messagePermissions, otnTokens } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { OTN_TOKEN_LIFETIME_MS, type ContactPermission, type PermissionStatus } from "./constants";

/** At most this many of each table: a person rarely holds more, and the list is for reading. */
const LIMIT_PER_KIND = 100;

/**
 * Every permission a person gave the Page to message them, newest opt-in first: One-Time Notification tokens
 * (the campaigns' send ledger, otn_tokens) and recurring / marketing tokens (message_permissions), as one list.
 * Tokens never leave the server. A contact outside the member's conversation scope or of another organisation
 * is not found.
 */
export async function listContactPermissions({ ctx, contactId, now = new Date() }: { ctx: OrgContext; contactId: string; now?: Date }): Promise<ContactPermission[]> {
  requirePermission(ctx, "conversations.read");
  const db = await getDb();
  // The contact panel's scope: of the organisation and, for agents, of a channel of their skill groups.
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) throw new NotFoundError("contacts.errors.notFound");
  const [contact] = await db
    .select({ id: contacts.id, channelId: contacts.channelId, psid: contacts.psid })
    .from(contacts)
    .innerJoin(channels, eq(channels.id, contacts.channelId))
    .where(and(eq(contacts.orgId, ctx.org.id), eq(contacts.id, contactId), conversationChannelScope(db, ctx)));
  if (!contact) throw new NotFoundError("contacts.errors.notFound");

  const otn = await db
    .select({ id: otnTokens.id, campaignId: otnTokens.campaignId, campaignName: campaigns.name, status: otnTokens.status, optedInAt: otnTokens.optedInAt, sentAt: otnTokens.sentAt })
    .from(otnTokens)
    .innerJoin(campaigns, eq(campaigns.id, otnTokens.campaignId))
    .where(and(eq(otnTokens.orgId, ctx.org.id), eq(otnTokens.channelId, contact.channelId), eq(otnTokens.psid, contact.psid)))
    .orderBy(desc(otnTokens.optedInAt), desc(otnTokens.id))
    .limit(LIMIT_PER_KIND);

  const others = await db
    .select()
    .from(messagePermissions)
    .where(and(eq(messagePermissions.orgId, ctx.org.id), eq(messagePermissions.contactId, contact.id)))
    .orderBy(desc(messagePermissions.optedInAt), desc(messagePermissions.id))
    .limit(LIMIT_PER_KIND);

  const list: ContactPermission[] = [
    ...otn.map((t) => {
      const expiresAt = new Date(t.optedInAt.getTime() + OTN_TOKEN_LIFETIME_MS);
      return {
        id: t.id,
        kind: "otn" as const,
        status: otnStatus(t.status, expiresAt, now),
        topic: t.campaignName,
        campaignId: t.campaignId,
        frequency: null,
        userTimeZone: null,
        source: "optin" as const,
        optedInAt: t.optedInAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
        stoppedAt: null,
        lastSentAt: t.sentAt?.toISOString() ?? null,
      };
    }),
    ...others.map((p) => ({
      id: p.id,
      kind: p.kind,
      // The expiry sweep runs every few minutes; what is past its expiry is expired now.
      status: p.status !== "expired" && p.expiresAt && p.expiresAt <= now ? ("expired" as const) : p.status,
      topic: p.topic,
      campaignId: null,
      frequency: (p.frequency as ContactPermission["frequency"]) ?? null,
      userTimeZone: p.userTimeZone,
      source: p.source === "import" ? ("import" as const) : ("optin" as const),
      optedInAt: p.optedInAt.toISOString(),
      expiresAt: p.expiresAt?.toISOString() ?? null,
      stoppedAt: p.stoppedAt?.toISOString() ?? null,
      lastSentAt: p.lastSentAt?.toISOString() ?? null,
    })),
  ];
  return list.sort((a, b) => b.optedInAt.localeCompare(a.optedInAt) || b.id.localeCompare(a.id));
}

/**
 * An OTN token as a permission: pending and spare are unused (active) until a year after the opt-in; sending,
 * sent and failed are used — the sender claimed it, and a failed token is never sent again (Meta took or
 * refused it), so it no longer permits anything; expired is expired.
 */
export function otnStatus(status: (typeof otnTokens.$inferSelect)["status"], expiresAt: Date, now: Date): PermissionStatus {
  if (status === "sending" || status === "sent" || status === "failed") return "used";
  if (status === "expired" || expiresAt <= now) return "expired";
  return "active";
}
