import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, conversationActivities, conversationLabels, conversations, csatSurveys, labels, memberships, otnTokens, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { listContactPermissions } from "@/lib/services/permissions";
import { can, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { OTN_TOKEN_LIFETIME_MS, type ContactPanel, type OtnTokenState } from "./constants";
import { getContactInScope } from "./queries";

/**
 * Who the conversation is with, for the panel beside the thread: the profile, when first and last seen, the
 * attributes agents recorded, the conversation's labels, the person's "Notify Me" subscriptions and the
 * conversation's earlier cycles (one conversation per contact: opened … resolved, again and again).
 * Outside the member's conversation scope, or another organisation's: not found.
 */
export async function getContactPanel({ ctx, conversationId, now = new Date() }: { ctx: OrgContext; conversationId: string; now?: Date }): Promise<ContactPanel> {
  requirePermission(ctx, "conversations.read");
  if (!/^[0-9a-f-]{36}$/i.test(conversationId)) throw new NotFoundError("routing.errors.conversationNotFound");
  const db = await getDb();
  const [conversation] = await db
    .select({ id: conversations.id, contactId: conversations.contactId })
    .from(conversations)
    .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId)));
  if (!conversation) throw new NotFoundError("routing.errors.conversationNotFound");
  const contact = await getContactInScope(db, ctx, conversation.contactId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("routing.errors.conversationNotFound") : error;
  });

  const labelRows = await db
    .select({ id: labels.id, name: labels.name, color: labels.color })
    .from(conversationLabels)
    .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
    .where(and(eq(conversationLabels.orgId, ctx.org.id), eq(conversationLabels.conversationId, conversation.id)))
    .orderBy(asc(labels.name));

  const tokens = await db
    .select({ id: otnTokens.id, campaignId: otnTokens.campaignId, campaignName: campaigns.name, status: otnTokens.status, optedInAt: otnTokens.optedInAt, sentAt: otnTokens.sentAt })
    .from(otnTokens)
    .innerJoin(campaigns, eq(campaigns.id, otnTokens.campaignId))
    .where(and(eq(otnTokens.orgId, ctx.org.id), eq(otnTokens.channelId, contact.channelId), eq(otnTokens.psid, contact.psid)))
    .orderBy(desc(otnTokens.optedInAt), desc(otnTokens.id))
    .limit(50);

  const permissions = await listContactPermissions({ ctx, contactId: contact.id, now });

  const activities = await db
    .select({ kind: conversationActivities.kind, actorMembershipId: conversationActivities.actorMembershipId, toMembershipId: conversationActivities.toMembershipId, at: conversationActivities.createdAt })
    .from(conversationActivities)
    .where(and(eq(conversationActivities.orgId, ctx.org.id), eq(conversationActivities.conversationId, conversation.id), inArray(conversationActivities.kind, ["opened", "reopened", "resolved"])))
    .orderBy(asc(conversationActivities.createdAt), asc(conversationActivities.id));
  const cycles: { openedAt: Date; resolvedAt: Date; resolvedBy: string | null; handledBy: string | null }[] = [];
  let openedAt: Date | null = null;
  for (const a of activities) {
    if (a.kind === "opened" || a.kind === "reopened") openedAt ??= a.at;
    else if (openedAt) {
      cycles.push({ openedAt, resolvedAt: a.at, resolvedBy: a.actorMembershipId, handledBy: a.toMembershipId });
      openedAt = null;
    }
  }
  const names = await namesOf(ctx.org.id, cycles.flatMap((c) => [c.resolvedBy, c.handledBy]));

  const surveys = await db
    .select({ id: csatSurveys.id, status: csatSurveys.status, skipReason: csatSurveys.skipReason, rating: csatSurveys.rating, comment: csatSurveys.comment, resolvedAt: csatSurveys.resolvedAt })
    .from(csatSurveys)
    .where(and(eq(csatSurveys.orgId, ctx.org.id), eq(csatSurveys.conversationId, conversation.id)))
    .orderBy(desc(csatSurveys.resolvedAt))
    .limit(20);

  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ") || null;
  return {
    contact: {
      id: contact.id,
      name,
      psid: contact.psid,
      profilePic: contact.profilePic,
      locale: contact.locale,
      timezoneOffset: contact.timezoneOffset,
      firstSeenAt: contact.createdAt.toISOString(),
      lastSeenAt: contact.lastInboundAt?.toISOString() ?? null,
      attributes: contact.attributes ?? {},
    },
    labels: labelRows,
    subscriptions: tokens.map((t) => ({
      id: t.id,
      campaignId: t.campaignId,
      campaignName: t.campaignName,
      state: stateOf(t.status, t.optedInAt, now),
      optedInAt: t.optedInAt.toISOString(),
      usedAt: t.sentAt?.toISOString() ?? null,
    })),
    permissions,
    pastCycles: cycles.reverse().map((c) => ({
      openedAt: c.openedAt.toISOString(),
      resolvedAt: c.resolvedAt.toISOString(),
      resolvedBy: c.resolvedBy ? (names.get(c.resolvedBy) ?? null) : null,
      handledBy: c.handledBy ? (names.get(c.handledBy) ?? null) : null,
    })),
    satisfaction: surveys.map((s) => ({ ...s, skipReason: s.skipReason ?? null, resolvedAt: s.resolvedAt.toISOString() })),
    may: { editAttributes: can(ctx, "conversations.reply"), readCampaigns: can(ctx, "campaigns.read") },
  };
}

/** A token is used once Meta took it (sent, or refused when sent); unused ones lapse a year after the opt-in. */
function stateOf(status: (typeof otnTokens.$inferSelect)["status"], optedInAt: Date, now: Date): OtnTokenState {
  if (status === "sent" || status === "failed") return "used";
  if (status === "expired" || now.getTime() - optedInAt.getTime() > OTN_TOKEN_LIFETIME_MS) return "expired";
  return "unused";
}

async function namesOf(orgId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: memberships.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name || r.email]));
}
