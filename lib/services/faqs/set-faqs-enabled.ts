import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { faqEntries } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { bumpKbRevision } from "./revision";
import { faqBulkEnableSchema } from "./schemas";

/**
 * Enables or disables several entries at once (the list's bulk action). Ids of another organisation change
 * nothing and are not reported. Owners and admins. Returns how many entries changed.
 */
export async function setFaqsEnabled({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<{ changed: number }> {
  requirePermission(ctx, "faqs.manage");
  const { ids, enabled } = parseInput(faqBulkEnableSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(faqEntries)
      .set({ enabled })
      .where(and(eq(faqEntries.orgId, ctx.org.id), inArray(faqEntries.id, ids), eq(faqEntries.enabled, !enabled)))
      .returning({ id: faqEntries.id });
    if (changed.length === 0) return { changed: 0 };
    await bumpKbRevision(tx, ctx.org.id);
    await recordAudit(tx, ctx, { action: enabled ? "faq.enabled" : "faq.disabled", resourceId: null, after: { count: changed.length, ids: changed.map((r) => r.id).slice(0, 100) } });
    return { changed: changed.length };
  });
}
