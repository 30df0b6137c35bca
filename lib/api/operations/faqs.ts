import {
  faqBulkEnableSchema,
  faqImportResultSchema,
  faqImportSchema,
  faqInputSchema,
  faqListQuerySchema,
  faqSchema,
  faqSynonymsSchema,
  faqUpdateSchema,
} from "@/lib/services/faqs/schemas";
import { z } from "zod";
import { named, pageOf, type ApiOperation } from "./define";

const faqComponent = named("Faq", faqSchema);
const synonymsComponent = named("FaqSynonyms", faqSynonymsSchema);
const faqId = { faqId: "The FAQ entry's id." };
const tags = ["FAQs"];
const revision = "The bot uses the change from its next question on (every app instance: the knowledge base's revision moves in the same transaction).";

/** The FAQ bot's knowledge base: entries, synonyms, import and export. */
export const faqOperations: ApiOperation[] = [
  {
    operationId: "listFaqs",
    method: "GET",
    path: "/faqs",
    summary: "List FAQ entries",
    description: "The latest changed first, at most 1,000 (`downloadFaqsJson` has them all). Filter with `q`, `language`, `category` and `enabled`.",
    tags,
    permission: "faqs.read",
    query: faqListQuerySchema,
    response: { status: 200, description: "The matching entries on one page (`nextCursor` is always null).", body: pageOf(faqComponent) },
  },
  {
    operationId: "createFaq",
    method: "POST",
    path: "/faqs",
    summary: "Create an FAQ entry",
    description:
      "A question in one language (zh-CN or en) with other phrasings, and the answer the bot sends: text, an image, text with up to three buttons, or text with up to three quick replies. " +
      `Applies to the listed skill groups and channels, or to all when both lists are empty. ${revision}`,
    tags,
    permission: "faqs.manage",
    body: named("CreateFaq", faqInputSchema),
    response: { status: 201, description: "The new entry.", body: faqComponent },
  },
  {
    operationId: "getFaq",
    method: "GET",
    path: "/faqs/{faqId}",
    summary: "Get an FAQ entry",
    tags,
    permission: "faqs.read",
    pathParams: faqId,
    response: { status: 200, description: "The entry.", body: faqComponent },
  },
  {
    operationId: "updateFaq",
    method: "PATCH",
    path: "/faqs/{faqId}",
    summary: "Change an FAQ entry",
    description: `Changes only the fields sent; send at least one. ${revision}`,
    tags,
    permission: "faqs.manage",
    pathParams: faqId,
    body: named("UpdateFaq", faqUpdateSchema),
    response: { status: 200, description: "The entry after the change.", body: faqComponent },
  },
  {
    operationId: "deleteFaq",
    method: "DELETE",
    path: "/faqs/{faqId}",
    summary: "Delete an FAQ entry",
    description: "The bot's past answers stay in the analytics, without the entry.",
    tags,
    permission: "faqs.manage",
    pathParams: faqId,
    response: { status: 204, description: "Deleted." },
  },
  {
    operationId: "setFaqsEnabled",
    method: "POST",
    path: "/faqs/bulk-enable",
    summary: "Enable or disable FAQ entries",
    description: "Sets `enabled` on every listed entry of the organisation; ids of another organisation change nothing.",
    tags,
    permission: "faqs.manage",
    body: named("SetFaqsEnabled", faqBulkEnableSchema),
    response: { status: 200, description: "How many entries changed.", body: named("FaqsEnabledResult", z.object({ changed: z.number().int().meta({ examples: [12] }) })) },
  },
  {
    operationId: "importFaqs",
    method: "POST",
    path: "/faqs/import",
    summary: "Import FAQ entries",
    description:
      "A CSV or JSON file's text (a body of up to 20 MB, 10,000 entries). All or nothing: every row is validated first; a refusal (422) names each bad row and field in `error.details.fieldErrors` " +
      '(`rows.3.question`: "Row 3: question: Question is required."), and nothing is written. `mode: replace` deletes the existing entries in the same transaction.',
    tags,
    permission: "faqs.manage",
    body: named("ImportFaqs", faqImportSchema),
    response: { status: 200, description: "How many entries were imported and replaced.", body: named("FaqImportResult", faqImportResultSchema) },
  },
  {
    operationId: "getFaqSynonyms",
    method: "GET",
    path: "/faqs/synonyms",
    summary: "Get the synonym groups",
    description: "Words and phrases the matcher treats as the same, besides the built-in shopping vocabulary of both languages.",
    tags,
    permission: "faqs.read",
    response: { status: 200, description: "The organisation's groups.", body: synonymsComponent },
  },
  {
    operationId: "saveFaqSynonyms",
    method: "PUT",
    path: "/faqs/synonyms",
    summary: "Replace the synonym groups",
    description: `The whole list; each group holds at least two different words. ${revision}`,
    tags,
    permission: "faqs.manage",
    body: named("SaveFaqSynonyms", faqSynonymsSchema),
    response: { status: 200, description: "The groups as saved.", body: synonymsComponent },
  },
  {
    operationId: "downloadFaqsCsv",
    method: "GET",
    base: "downloads",
    path: "/faqs.csv",
    summary: "Export FAQ entries as CSV",
    description: "Every entry, UTF-8 with a BOM. Columns: question, alternatives (separated by \" | \"), answer (its text), language, category, enabled. `importFaqs` takes it back.",
    tags,
    permission: "faqs.read",
    response: { status: 200, description: "The CSV file.", body: { kind: "file", contentType: "text/csv" } },
  },
  {
    operationId: "downloadFaqsJson",
    method: "GET",
    base: "downloads",
    path: "/faqs.json",
    summary: "Export FAQ entries as JSON",
    description: "Every entry with its whole answer, as `createFaq` takes it; `importFaqs` takes the file back.",
    tags,
    permission: "faqs.read",
    response: { status: 200, description: "The JSON file.", body: { kind: "file", contentType: "application/json" } },
  },
];
