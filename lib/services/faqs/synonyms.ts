import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { newId } from "@/db/ids";
import { faqSynonyms } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { bumpKbRevision } from "./revision";
import { faqSynonymsSchema, type FaqSynonyms } from "./schemas";

/** The organisation's synonym groups, in the order they were saved. Everyone who may read FAQs. */
export async function listFaqSynonyms({ ctx }: { ctx: OrgContext }): Promise<FaqSynonyms> {
  requirePermission(ctx, "faqs.read");
  const db = await getDb();
  const rows = await db.select({ terms: faqSynonyms.terms }).from(faqSynonyms).where(eq(faqSynonyms.orgId, ctx.org.id)).orderBy(asc(faqSynonyms.id));
  return { groups: rows.map((r) => r.terms) };
}

/**
 * Replaces the organisation's synonym groups with these (the page edits the list as a whole). The matcher
 * rebuilds its index on its next question. Owners and admins.
 */
export async function saveFaqSynonyms({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<FaqSynonyms> {
  requirePermission(ctx, "faqs.manage");
  const { groups } = parseInput(faqSynonymsSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(faqSynonyms).where(eq(faqSynonyms.orgId, ctx.org.id));
    // Ids a millisecond apart keep the saved order (UUIDv7 sorts by its time; one insert shares one now()).
    const start = Date.now();
    if (groups.length) await tx.insert(faqSynonyms).values(groups.map((terms, i) => ({ id: newId(start + i), orgId: ctx.org.id, terms })));
    await bumpKbRevision(tx, ctx.org.id);
    await recordAudit(tx, ctx, { action: "faq.synonyms_updated", resourceId: null, after: { groups: groups.length } });
  });
  return { groups };
}
