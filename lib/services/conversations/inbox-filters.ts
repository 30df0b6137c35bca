import { and, eq, exists, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contacts, conversationLabels, conversations, memberships, messages, skillGroupMembers } from "@/db/schema";
import { can, type OrgContext } from "@/lib/tenancy/context";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";
import { ASSIGNEE_ME, ASSIGNEE_NONE, type ConversationView } from "./constants";

export type InboxFilters = {
  status?: "open" | "pending" | "resolved";
  channelId?: string;
  skillGroupId?: string;
  assigneeMembershipId?: string;
  labelId?: string;
  q?: string;
};

/**
 * The acting member's membership id as SQL: the signed-in member's, or for an API key the membership of the
 * member who created it. Null when there is none (a system actor), so "mine" is nobody's.
 */
function myMembership(db: DbOrTx, ctx: OrgContext): SQL | null {
  if (ctx.membershipId) return sql`${ctx.membershipId}::uuid`;
  const onBehalfOf = ctx.actor.onBehalfOf;
  if (!onBehalfOf) return null;
  return sql`(${db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, onBehalfOf)))
    .limit(1)})`;
}

/** Assigned to the actor. */
export function mineCondition(db: DbOrTx, ctx: OrgContext): SQL {
  const me = myMembership(db, ctx);
  return me ? sql`${conversations.assigneeMembershipId} = ${me}` : sql`false`;
}

/**
 * The queue the actor may claim from: open, nobody's, and (without `conversations.assign`) routed in one of
 * the actor's skill groups, the rule claimConversation enforces.
 */
export function unassignedCondition(db: DbOrTx, ctx: OrgContext): SQL {
  const queued = and(eq(conversations.status, "open"), isNull(conversations.assigneeMembershipId))!;
  if (can(ctx, "conversations.assign")) return queued;
  const me = myMembership(db, ctx);
  if (!me) return sql`false`;
  const myGroups = db
    .select({ id: skillGroupMembers.skillGroupId })
    .from(skillGroupMembers)
    .where(and(eq(skillGroupMembers.orgId, ctx.org.id), sql`${skillGroupMembers.membershipId} = ${me}`));
  return and(queued, inArray(conversations.skillGroupId, myGroups))!;
}

export function viewCondition(db: DbOrTx, ctx: OrgContext, view: ConversationView): SQL | undefined {
  if (view === "mine") return mineCondition(db, ctx);
  if (view === "unassigned") return unassignedCondition(db, ctx);
  return undefined;
}

/** `%words%` for ILIKE, with the pattern characters in the words taken literally. */
export function containsPattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The contact's full name as one string. The same expression is indexed (contacts_name_trgm_idx), so a search
 * by name uses the trigram index; keep the two identical.
 */
export const contactFullName = sql<string>`(coalesce(${contacts.firstName}, '') || ' ' || coalesce(${contacts.lastName}, ''))`;

/**
 * Every condition of the inbox but the view, on a query joining conversations, contacts and channels: the
 * organisation, the actor's channels (the tenant scope) and each filter given. The search matches a message's
 * text or the contact's name (ILIKE over trigram indexes, so Chinese and English both work), or a PSID exactly.
 */
export function inboxConditions(db: DbOrTx, ctx: OrgContext, filters: InboxFilters): SQL {
  const { status, channelId, skillGroupId, assigneeMembershipId, labelId, q } = filters;
  const assignee =
    assigneeMembershipId === undefined
      ? undefined
      : assigneeMembershipId === ASSIGNEE_NONE
        ? isNull(conversations.assigneeMembershipId)
        : assigneeMembershipId === ASSIGNEE_ME
          ? mineCondition(db, ctx)
          : eq(conversations.assigneeMembershipId, assigneeMembershipId);
  const labelled = labelId
    ? exists(
        db
          .select({ one: sql`1` })
          .from(conversationLabels)
          .where(and(eq(conversationLabels.conversationId, conversations.id), eq(conversationLabels.labelId, labelId))),
      )
    : undefined;
  const search = q
    ? or(
        ilike(contactFullName, containsPattern(q)),
        eq(contacts.psid, q),
        exists(
          db
            .select({ one: sql`1` })
            .from(messages)
            .where(and(eq(messages.conversationId, conversations.id), ilike(messages.text, containsPattern(q)))),
        ),
      )
    : undefined;
  return and(
    eq(conversations.orgId, ctx.org.id),
    conversationChannelScope(db, ctx),
    status ? eq(conversations.status, status) : undefined,
    channelId ? eq(conversations.channelId, channelId) : undefined,
    skillGroupId ? eq(conversations.skillGroupId, skillGroupId) : undefined,
    assignee,
    labelled,
    search,
  )!;
}

/** The latest message text matching the search, for the row's snippet. */
export function matchingText(q: string): SQL<string | null> {
  return sql<string | null>`(select ${messages.text} from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.text} ilike ${containsPattern(q)} order by ${messages.timestamp} desc limit 1)`;
}

/** A window of the text around the first match, with ellipses where it was cut. */
export function snippetAround(text: string, q: string, radius = 40): string {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return text.length > radius * 2 ? `${text.slice(0, radius * 2)}…` : text;
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + q.length + radius);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}
