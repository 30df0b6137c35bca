import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, memberships, organizations, users } from "@/db/schema";
import { recordSystemAudit } from "@/lib/audit";
import { channelReconnectEmail } from "@/lib/email/messages";
import { sendEmail, type Email } from "@/lib/email/send";
import { appUrl } from "@/lib/app-url";
import { GraphError } from "@/lib/graph/errors";
import { isLocale } from "@/lib/i18n/locales";
import { logError } from "@/lib/log-error";
import { publishRealtime } from "@/lib/realtime";
import { notifyMembers } from "@/lib/services/notifications";
import { reconnectReasonOf } from "./constants";

/** What Graph said when it refused the token: its words and, with a 190, the subcode that says why. */
export interface TokenRefusal {
  reason: string;
  /** Graph's error_subcode (458 app removed, 460 password changed, 463 expired, 467 invalid), when it gave one. */
  subcode?: number | null;
}

/** The refusal of a Graph error, for callers that caught one. */
export function refusalOf(error: GraphError): TokenRefusal {
  return { reason: error.reason, subcode: error.subcode ?? null };
}

/**
 * Flags a channel whose token Graph refused with 190, wherever that was noticed (sends, profile fetches, the
 * daily token check, a member's connection check): the reason and subcode are stored on every refusal, so the
 * words follow Meta's latest. Only the transition into "reconnect needed" is audited (as the system, unless the
 * caller recorded its own) and announced to the organisation's owners and admins, in the bell and by email: a
 * token that stays dead is not news every time it is refused. Returns whether this call was the transition.
 */
export async function flagReconnectNeeded(channelId: string, refusal: TokenRefusal | string, options: { audited?: boolean } = {}): Promise<boolean> {
  const { reason, subcode = null } = typeof refusal === "string" ? { reason: refusal } : refusal;
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ orgId: channels.orgId, name: channels.name, reconnectReason: channels.reconnectReason, disconnectedAt: channels.disconnectedAt, deletedAt: channels.deletedAt })
      .from(channels)
      .where(eq(channels.id, channelId))
      .for("update");
    // A deleted or disconnected channel has no token left to reconnect: a late refusal of the old one is not news.
    if (!before || before.deletedAt !== null || before.disconnectedAt !== null) return null;
    await tx.update(channels).set({ reconnectReason: reason, reconnectSubcode: subcode }).where(eq(channels.id, channelId));
    if (before.reconnectReason !== null) return null;
    if (!options.audited) {
      await recordSystemAudit(tx, before.orgId, { action: "channel.reconnect_needed", resourceId: channelId, after: { reconnectReason: reason, reconnectSubcode: subcode } });
    }
    const [org] = await tx.select({ slug: organizations.slug, name: organizations.name, defaultLocale: organizations.defaultLocale }).from(organizations).where(eq(organizations.id, before.orgId));
    const managers = await tx
      .select({ membershipId: memberships.id, email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, before.orgId), inArray(memberships.role, ["owner", "admin"])));
    const events = await notifyMembers(
      tx,
      managers.map((m) => ({ orgId: before.orgId, membershipId: m.membershipId, kind: "channel_reconnect_needed" as const, channelId, excerpt: reason })),
    );
    await publishRealtime(tx, events);
    const link = `${appUrl()}/o/${org.slug}/channels/${channelId}`;
    return managers.map((m) =>
      channelReconnectEmail(m.email, isLocale(m.locale) ? m.locale : isLocale(org.defaultLocale) ? org.defaultLocale : "en", { org: org.name, channel: before.name, reason: `channels.reconnectReason.${reconnectReasonOf(subcode)}`, message: reason, link }),
    );
  });
  if (!outcome) return false;
  // After the commit: the change exists before anyone is told, and a slow mail server holds no channel lock.
  await sendAll(outcome);
  return true;
}

async function sendAll(emails: Email[]): Promise<void> {
  for (const email of emails) {
    await sendEmail(email).catch((error: unknown) => logError("channel health: the reconnect-needed email could not be sent", error));
  }
}
