import { and, eq, ilike, inArray, ne, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, memberships, skillGroupMembers, users } from "@/db/schema";
import { ROLES, roleCan } from "@/lib/permissions";
import type { MentionableMember } from "./schemas";

const SEE_EVERY_CHANNEL = ROLES.filter((role) => roleCan(role, "conversations.readAll"));

/**
 * The members who may see a conversation, as lib/tenancy/conversation-scope.ts decides it for each of them:
 * those whose role sees every channel, and the members of the skill group its channel is bound to. Only they
 * may be mentioned in its notes (and so notified).
 */
export async function membersWhoSee(
  db: DbOrTx,
  conversation: { orgId: string; channelId: string },
  filter: { ids?: string[]; q?: string; exclude?: string | null; limit?: number } = {},
): Promise<MentionableMember[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const [channel] = await db.select({ skillGroupId: channels.skillGroupId }).from(channels).where(eq(channels.id, conversation.channelId));
  const seeing: SQL[] = [inArray(memberships.role, SEE_EVERY_CHANNEL)];
  if (channel?.skillGroupId) {
    seeing.push(
      inArray(
        memberships.id,
        db.select({ id: skillGroupMembers.membershipId }).from(skillGroupMembers).where(eq(skillGroupMembers.skillGroupId, channel.skillGroupId)),
      ),
    );
  }
  const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({ membershipId: memberships.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, conversation.orgId),
        or(...seeing),
        filter.ids ? inArray(memberships.id, filter.ids) : undefined,
        filter.exclude ? ne(memberships.id, filter.exclude) : undefined,
        like ? or(ilike(users.name, like), ilike(users.email, like)) : undefined,
      ),
    )
    .orderBy(users.name, users.email)
    .limit(filter.limit ?? 1000);
  return rows.map((r) => ({ membershipId: r.membershipId, name: r.name || r.email, email: r.email }));
}
