import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, faqEntries, skillGroups } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import type { Faq } from "./schemas";

export const faqColumns = {
  id: faqEntries.id,
  question: faqEntries.question,
  alternatives: faqEntries.alternatives,
  answer: faqEntries.answer,
  language: faqEntries.language,
  category: faqEntries.category,
  enabled: faqEntries.enabled,
  skillGroupIds: faqEntries.skillGroupIds,
  channelIds: faqEntries.channelIds,
  createdAt: faqEntries.createdAt,
  updatedAt: faqEntries.updatedAt,
};

type Row = Omit<Faq, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date };
export function toFaq(row: Row): Faq {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Fetch-or-throw within the tenant: another organisation's entry is NotFound. */
export async function getFaqInOrg(db: DbOrTx, ctx: OrgContext, id: string): Promise<Row> {
  if (!isUuid(id)) throw new NotFoundError("faqs.errors.notFound");
  const [row] = await db
    .select(faqColumns)
    .from(faqEntries)
    .where(and(eq(faqEntries.orgId, ctx.org.id), eq(faqEntries.id, id)));
  if (!row) throw new NotFoundError("faqs.errors.notFound");
  return row as Row;
}

/**
 * The skill groups and channels an entry names must be the organisation's (another's read as unknown).
 * `prefix` names the field of an import's row ("rows.3.").
 */
export async function requireScopes(db: DbOrTx, ctx: OrgContext, scope: { skillGroupIds?: string[]; channelIds?: string[] }, prefix = ""): Promise<void> {
  if (scope.skillGroupIds?.length) {
    const found = await db
      .select({ id: skillGroups.id })
      .from(skillGroups)
      .where(and(eq(skillGroups.orgId, ctx.org.id), inArray(skillGroups.id, scope.skillGroupIds)));
    if (found.length !== scope.skillGroupIds.length) throw ValidationError.forField(`${prefix}skillGroupIds`, "faqs.errors.skillGroupNotFound");
  }
  if (scope.channelIds?.length) {
    const found = await db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.orgId, ctx.org.id), inArray(channels.id, scope.channelIds)));
    if (found.length !== scope.channelIds.length) throw ValidationError.forField(`${prefix}channelIds`, "faqs.errors.channelNotFound");
  }
}

/** What the audit log keeps of an entry (the answer can be long: its kind only). */
export function auditFields(row: Pick<Row, "question" | "language" | "category" | "enabled" | "answer">) {
  return { question: row.question, language: row.language, category: row.category, enabled: row.enabled, answerKind: row.answer.kind };
}
