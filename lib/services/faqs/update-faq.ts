import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { faqEntries } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { auditFields, getFaqInOrg, requireScopes, toFaq } from "./queries";
import { bumpKbRevision } from "./revision";
import { faqUpdateSchema, type Faq } from "./schemas";

/** Changes the fields sent. Owners and admins. */
export async function updateFaq({ ctx, faqId, input }: { ctx: OrgContext; faqId: string; input: unknown }): Promise<Faq> {
  requirePermission(ctx, "faqs.manage");
  const data = parseInput(faqUpdateSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await getFaqInOrg(tx, ctx, faqId);
    await requireScopes(tx, ctx, data);
    await tx
      .update(faqEntries)
      .set(data)
      .where(and(eq(faqEntries.orgId, ctx.org.id), eq(faqEntries.id, faqId)));
    await bumpKbRevision(tx, ctx.org.id);
    const after = await getFaqInOrg(tx, ctx, faqId);
    await recordAudit(tx, ctx, { action: "faq.updated", resourceId: faqId, before: auditFields(before), after: auditFields(after) });
    return toFaq(after);
  });
}
