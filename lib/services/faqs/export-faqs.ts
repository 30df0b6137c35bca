import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { faqEntries } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { csvLine } from "./csv";
import { faqColumns } from "./queries";
import { FAQ_CSV_ALTERNATIVES_SEPARATOR, FAQ_CSV_COLUMNS } from "./schemas";

async function allEntries(ctx: OrgContext) {
  const db = await getDb();
  return db.select(faqColumns).from(faqEntries).where(eq(faqEntries.orgId, ctx.org.id)).orderBy(asc(faqEntries.createdAt), asc(faqEntries.id));
}

/**
 * Every entry as JSON that `importFaqs` takes back (format "json"): the fields of `POST /faqs`, no ids, so an
 * export moves a knowledge base to another organisation too (scopes are dropped there: they name this
 * organisation's skill groups and channels).
 */
export async function exportFaqsJson({ ctx }: { ctx: OrgContext }): Promise<string> {
  requirePermission(ctx, "faqs.read");
  const rows = await allEntries(ctx);
  const entries = rows.map(({ question, alternatives, answer, language, category, enabled, skillGroupIds, channelIds }) => ({
    question,
    alternatives,
    answer,
    language,
    category,
    enabled,
    skillGroupIds,
    channelIds,
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/**
 * Every entry as CSV (columns FAQ_CSV_COLUMNS) for a spreadsheet. Only text answers fit a cell: an image,
 * buttons or quick replies export their text, and the JSON export keeps them whole.
 */
export async function exportFaqsCsv({ ctx }: { ctx: OrgContext }): Promise<string> {
  requirePermission(ctx, "faqs.read");
  const rows = await allEntries(ctx);
  const lines = [FAQ_CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const answer = r.answer.kind === "image" ? (r.answer.text ?? r.answer.imageUrl) : r.answer.text;
    lines.push(csvLine([r.question, r.alternatives.join(FAQ_CSV_ALTERNATIVES_SEPARATOR), answer, r.language, r.category, String(r.enabled)]));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
