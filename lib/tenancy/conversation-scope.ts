import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, memberships, skillGroupMembers } from "@/db/schema";
import { can, type OrgContext } from "./context";

/**
 * The condition on `channels` that keeps a conversation read (list, detail, message media) within what the
 * actor may see: every channel of the organisation with `conversations.readAll` (owners, admins, marketers),
 * otherwise only channels bound to a skill group the acting member belongs to. A channel without a group
 * (a deleted channel whose group went) is then nobody's. An API key acts for the member who created it.
 * Callers add it to a query that already joins `channels` and filters on the organisation, so a
 * conversation outside the scope reads exactly like one of another organisation: not found.
 */
export function conversationChannelScope(db: DbOrTx, ctx: OrgContext): SQL | undefined {
  if (can(ctx, "conversations.readAll")) return undefined;
  const groupsOfMember = (membership: SQL) =>
    inArray(
      channels.skillGroupId,
      db
        .select({ id: skillGroupMembers.skillGroupId })
        .from(skillGroupMembers)
        .where(and(eq(skillGroupMembers.orgId, ctx.org.id), membership)),
    );
  if (ctx.membershipId) return groupsOfMember(eq(skillGroupMembers.membershipId, ctx.membershipId));
  const onBehalfOf = ctx.actor.onBehalfOf;
  if (!onBehalfOf) return sql`false`;
  return groupsOfMember(
    inArray(
      skillGroupMembers.membershipId,
      db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, onBehalfOf))),
    ),
  );
}
