import { and, count, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberNotifications } from "@/db/schema";
import type { OrgContext } from "@/lib/tenancy/context";

/** How many of the member's notifications are unread (the bell's badge on every page); 0 for an API key. */
export async function countMyUnreadNotifications({ ctx }: { ctx: OrgContext }): Promise<number> {
  if (!ctx.membershipId) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(memberNotifications)
    .where(and(eq(memberNotifications.orgId, ctx.org.id), eq(memberNotifications.membershipId, ctx.membershipId), isNull(memberNotifications.readAt)));
  return Number(row?.n ?? 0);
}
