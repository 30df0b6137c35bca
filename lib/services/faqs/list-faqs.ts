import { and, desc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { faqEntries } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { faqColumns, toFaq } from "./queries";
import { FAQ_LIST_LIMIT, faqListQuerySchema, type Faq, type FaqListQuery } from "./schemas";

/** `%`, `_` and `\` typed by a person are letters, not LIKE wildcards. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The organisation's FAQ entries, the latest changed first (at most FAQ_LIST_LIMIT; the export has all),
 * optionally only those matching `q` (question, alternatives, category), a language, a category, enabled.
 */
export async function listFaqs({ ctx, input = {} }: { ctx: OrgContext; input?: FaqListQuery }): Promise<Faq[]> {
  requirePermission(ctx, "faqs.read");
  const { q, language, category, enabled } = parseInput(faqListQuerySchema, input);
  const db = await getDb();
  const rows = await db
    .select(faqColumns)
    .from(faqEntries)
    .where(
      and(
        eq(faqEntries.orgId, ctx.org.id),
        language ? eq(faqEntries.language, language) : undefined,
        category !== undefined ? eq(faqEntries.category, category) : undefined,
        enabled ? eq(faqEntries.enabled, enabled === "true") : undefined,
        q
          ? or(ilike(faqEntries.question, likePattern(q)), ilike(sql`${faqEntries.alternatives}::text`, likePattern(q)), ilike(faqEntries.category, likePattern(q)))
          : undefined,
      ),
    )
    .orderBy(desc(faqEntries.updatedAt), desc(faqEntries.id))
    .limit(FAQ_LIST_LIMIT);
  return rows.map((r) => toFaq(r as Parameters<typeof toFaq>[0]));
}

/** The organisation's categories, for the list's filter and the form's suggestions. */
export async function listFaqCategories({ ctx }: { ctx: OrgContext }): Promise<string[]> {
  requirePermission(ctx, "faqs.read");
  const db = await getDb();
  const rows = await db
    .selectDistinct({ category: faqEntries.category })
    .from(faqEntries)
    .where(and(eq(faqEntries.orgId, ctx.org.id), sql`${faqEntries.category} <> ''`))
    .orderBy(faqEntries.category);
  return rows.map((r) => r.category);
}
