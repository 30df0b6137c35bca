import { and, count, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { channels, contacts, conversations, memberNotifications, memberships, users } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import { NOTIFICATION_LIST_LIMIT, type NotificationList } from "./constants";

/** The member's own notifications, newest first (the latest 50), and how many of all of theirs are unread. */
export async function listMyNotifications({ ctx }: { ctx: OrgContext }): Promise<NotificationList> {
  const me = ctx.membershipId;
  if (!me) throw new ForbiddenError("notifications.errors.membersOnly");
  const db = await getDb();
  const actor = alias(memberships, "actor");
  const actorUser = alias(users, "actor_user");
  const mine = and(eq(memberNotifications.orgId, ctx.org.id), eq(memberNotifications.membershipId, me));
  const rows = await db
    .select({
      n: memberNotifications,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      psid: contacts.psid,
      actorName: actorUser.name,
      actorEmail: actorUser.email,
      channelName: channels.name,
    })
    .from(memberNotifications)
    .leftJoin(conversations, eq(conversations.id, memberNotifications.conversationId))
    .leftJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(channels, eq(channels.id, memberNotifications.channelId))
    .leftJoin(actor, eq(actor.id, memberNotifications.actorMembershipId))
    .leftJoin(actorUser, eq(actorUser.id, actor.userId))
    .where(mine)
    .orderBy(desc(memberNotifications.createdAt), desc(memberNotifications.id))
    .limit(NOTIFICATION_LIST_LIMIT);
  const [unread] = await db.select({ n: count() }).from(memberNotifications).where(and(mine, isNull(memberNotifications.readAt)));
  return {
    items: rows.map((r) => ({
      id: r.n.id,
      kind: r.n.kind,
      conversationId: r.n.conversationId,
      channelId: r.n.channelId,
      channelName: r.channelName,
      contactLabel: r.psid === null ? null : [r.firstName, r.lastName].filter(Boolean).join(" ") || r.psid,
      actorName: r.n.actorMembershipId ? r.actorName || r.actorEmail || null : null,
      excerpt: r.n.excerpt,
      readAt: r.n.readAt?.toISOString() ?? null,
      createdAt: r.n.createdAt.toISOString(),
    })),
    unread: Number(unread?.n ?? 0),
  };
}
