import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { faqEntries } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ValidationError } from "@/lib/errors";
import { englishMessage, type LocalizableMessage } from "@/lib/i18n/translate";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { localizableIssue, parseInput } from "@/lib/validation";
import { parseCsv } from "./csv";
import { requireScopes } from "./queries";
import { bumpKbRevision, ensureKbRoom } from "./revision";
import { FAQ_CSV_ALTERNATIVES_SEPARATOR, FAQ_CSV_COLUMNS, FAQ_IMPORT_MAX_ROWS, faqImportSchema, faqInputSchema } from "./schemas";

/** Rows of a file are numbered as a person sees them: the CSV's header is line 1, a JSON array's first item is 1. */
type NumberedRow = { row: number; value: unknown };

function say(key: Parameters<typeof englishMessage>[0], vars?: Parameters<typeof englishMessage>[1]): LocalizableMessage {
  return { message: englishMessage(key, vars), messageKey: key, ...(vars ? { messageVars: vars } : {}) };
}

function fileError(key: Parameters<typeof englishMessage>[0], vars?: Parameters<typeof englishMessage>[1]): ValidationError {
  const message = say(key, vars);
  return new ValidationError(message, { content: [message] });
}

function rowsOfCsv(content: string): NumberedRow[] {
  const [header, ...rows] = parseCsv(content);
  if (!header) throw fileError("faqs.import.empty");
  const columns = header.map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(FAQ_CSV_COLUMNS.map((c) => [c, columns.indexOf(c)]));
  const missing = ["question", "answer", "language"].filter((c) => at[c] === -1);
  if (missing.length) throw fileError("faqs.import.missingColumns", { columns: missing.join(", ") });
  return rows.map((cells, i) => {
    const cell = (name: (typeof FAQ_CSV_COLUMNS)[number]) => (at[name]! >= 0 ? (cells[at[name]!] ?? "") : undefined);
    const enabled = cell("enabled")?.trim().toLowerCase();
    return {
      row: i + 2,
      value: {
        question: cell("question"),
        alternatives: (cell("alternatives") ?? "")
          .split(FAQ_CSV_ALTERNATIVES_SEPARATOR.trim())
          .map((a) => a.trim())
          .filter(Boolean),
        answer: { kind: "text", text: cell("answer") },
        language: cell("language")?.trim(),
        category: cell("category") ?? "",
        // A spreadsheet writes TRUE/FALSE, people write yes/no or 1/0; empty is enabled.
        enabled: enabled === undefined || enabled === "" ? true : ["true", "yes", "1", "y", "是"].includes(enabled) ? true : ["false", "no", "0", "n", "否"].includes(enabled) ? false : enabled,
      },
    };
  });
}

function rowsOfJson(content: string): NumberedRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch {
    throw fileError("faqs.import.badJson");
  }
  if (!Array.isArray(parsed)) throw fileError("faqs.import.notArray");
  return parsed.map((value, i) => ({ row: i + 1, value }));
}

/**
 * Imports entries from a CSV or JSON file, all or nothing: every row is validated first and a refusal names
 * each bad row and field ("Row 3: question: Question is required."), up to 20 of them; nothing is written
 * then. `replace` deletes the existing entries in the same transaction. Owners and admins.
 */
export async function importFaqs({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<{ imported: number; replaced: number }> {
  requirePermission(ctx, "faqs.manage");
  const { format, content, mode } = parseInput(faqImportSchema, input);
  const rows = format === "csv" ? rowsOfCsv(content) : rowsOfJson(content);
  if (rows.length === 0) throw fileError("faqs.import.empty");
  if (rows.length > FAQ_IMPORT_MAX_ROWS) throw fileError("faqs.import.tooMany", { max: FAQ_IMPORT_MAX_ROWS });

  const entries: { row: number; data: z.infer<typeof faqInputSchema> }[] = [];
  const fieldMessages: Record<string, LocalizableMessage[]> = {};
  let firstError: LocalizableMessage | null = null;
  let errors = 0;
  for (const { row, value } of rows) {
    const result = faqInputSchema.safeParse(value);
    if (result.success) {
      entries.push({ row, data: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      if (++errors > 20) break;
      const field = issue.path.join(".") || "_";
      const said = localizableIssue(issue);
      const message = say("faqs.import.rowError", { row, field, message: said.message });
      (fieldMessages[`rows.${row}.${field}`] ??= []).push(message);
      firstError ??= message;
    }
  }
  if (firstError) throw new ValidationError(errors > 1 ? say("faqs.import.rowErrors", { count: errors, first: firstError.message }) : firstError, fieldMessages);

  const db = await getDb();
  return db.transaction(async (tx) => {
    for (const { row, data } of entries) await requireScopes(tx, ctx, data, `rows.${row}.`);
    let replaced = 0;
    if (mode === "replace") replaced = (await tx.delete(faqEntries).where(eq(faqEntries.orgId, ctx.org.id)).returning({ id: faqEntries.id })).length;
    for (let i = 0; i < entries.length; i += 500) {
      await tx.insert(faqEntries).values(entries.slice(i, i + 500).map(({ data }) => ({ orgId: ctx.org.id, ...data, createdByMembershipId: ctx.membershipId })));
    }
    await bumpKbRevision(tx, ctx.org.id);
    await ensureKbRoom(tx, ctx.org.id);
    await recordAudit(tx, ctx, { action: "faq.imported", resourceId: null, after: { format, mode, imported: entries.length, replaced } });
    return { imported: entries.length, replaced };
  });
}
