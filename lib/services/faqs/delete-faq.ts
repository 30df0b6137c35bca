import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { faqEntries } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { auditFields, getFaqInOrg } from "./queries";
import { bumpKbRevision } from "./revision";

/** Deletes an entry; the bot's past events keep their rows (their entry becomes null). Owners and admins. */
export async function deleteFaq({ ctx, faqId }: { ctx: OrgContext; faqId: string }): Promise<void> {
  requirePermission(ctx, "faqs.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await getFaqInOrg(tx, ctx, faqId);
    await tx.delete(faqEntries).where(and(eq(faqEntries.orgId, ctx.org.id), eq(faqEntries.id, faqId)));
    await bumpKbRevision(tx, ctx.org.id);
    await recordAudit(tx, ctx, { action: "faq.deleted", resourceId: faqId, before: auditFields(before) });
  });
}
