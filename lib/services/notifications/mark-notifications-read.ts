import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberNotifications } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { markNotificationsReadSchema } from "./schemas";

/**
 * Marks the member's notifications read: the ones named, or all. An id that is not one of the member's own
 * (another member's, another organisation's) is not found, and nothing is marked.
 */
export async function markNotificationsRead({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<{ marked: number }> {
  const me = ctx.membershipId;
  if (!me) throw new ForbiddenError("notifications.errors.membersOnly");
  const data = parseInput(markNotificationsReadSchema, input);
  const db = await getDb();
  const mine = and(eq(memberNotifications.orgId, ctx.org.id), eq(memberNotifications.membershipId, me));
  return db.transaction(async (tx) => {
    if ("ids" in data) {
      const ids = [...new Set(data.ids)];
      const found = await tx.select({ id: memberNotifications.id }).from(memberNotifications).where(and(mine, inArray(memberNotifications.id, ids)));
      if (found.length !== ids.length) throw new NotFoundError("notifications.errors.notFound");
    }
    const rows = await tx
      .update(memberNotifications)
      .set({ readAt: new Date() })
      .where(and(mine, isNull(memberNotifications.readAt), "ids" in data ? inArray(memberNotifications.id, data.ids) : undefined))
      .returning({ id: memberNotifications.id });
    return { marked: rows.length };
  });
}
