import { z } from "zod";
import { inputString, required, say } from "@/lib/validation";
import {
  FAQ_ALTERNATIVES_MAX,
  FAQ_BUTTON_TEXT_MAX,
  FAQ_BUTTON_TITLE_MAX,
  FAQ_BUTTONS_MAX,
  FAQ_CATEGORY_MAX,
  FAQ_IMPORT_BODY_BYTES,
  FAQ_IMPORT_MAX_ROWS,
  FAQ_LANGUAGES,
  FAQ_PAYLOAD_MAX,
  FAQ_QUESTION_MAX,
  FAQ_SYNONYM_GROUPS_MAX,
  FAQ_SYNONYM_TERMS_MAX,
  FAQ_TEXT_MAX,
} from "./constants";

export * from "./constants";

const httpsUrl = z.url({ protocol: /^https?$/, error: say("faqs.errors.url") }).max(2000);
const title = inputString("field.faqButtonTitle", FAQ_BUTTON_TITLE_MAX).min(1, required("field.faqButtonTitle"));
const payload = inputString("field.faqPayload", FAQ_PAYLOAD_MAX).min(1, required("field.faqPayload"));

export const faqButtonSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("postback"), title, payload }),
  z.object({ type: z.literal("web_url"), title, url: httpsUrl }),
]);

/** What the bot sends for the entry; Messenger's limits apply (see constants.ts). */
export const faqAnswerSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("text"), text: inputString("field.faqAnswer", FAQ_TEXT_MAX).min(1, required("field.faqAnswer")) }),
    z.object({ kind: z.literal("image"), imageUrl: httpsUrl, text: inputString("field.faqAnswer", FAQ_TEXT_MAX).optional() }),
    z.object({
      kind: z.literal("buttons"),
      text: inputString("field.faqAnswer", FAQ_BUTTON_TEXT_MAX).min(1, required("field.faqAnswer")),
      buttons: z.array(faqButtonSchema).min(1).max(FAQ_BUTTONS_MAX, { error: say("faqs.errors.tooManyButtons", { max: FAQ_BUTTONS_MAX }) }),
    }),
    z.object({
      kind: z.literal("quick_replies"),
      text: inputString("field.faqAnswer", FAQ_TEXT_MAX).min(1, required("field.faqAnswer")),
      quickReplies: z
        .array(z.object({ title, payload }))
        .min(1)
        .max(FAQ_BUTTONS_MAX, { error: say("faqs.errors.tooManyButtons", { max: FAQ_BUTTONS_MAX }) }),
    }),
  ])
  .meta({ examples: [{ kind: "text", text: "订单满 49 美元包邮。" }] });

const question = inputString("field.faqQuestion", FAQ_QUESTION_MAX).min(1, required("field.faqQuestion"));
const alternatives = z
  .array(inputString("field.faqAlternatives", FAQ_QUESTION_MAX))
  .max(FAQ_ALTERNATIVES_MAX, { error: say("faqs.errors.tooManyAlternatives", { max: FAQ_ALTERNATIVES_MAX }) })
  // Blank lines of the form's textarea and repeats are no phrasings.
  .transform((list) => [...new Set(list.filter((a) => a.length > 0))]);
const language = z.enum(FAQ_LANGUAGES, { error: say("faqs.errors.language") });
const category = inputString("field.faqCategory", FAQ_CATEGORY_MAX);
const ids = (key: "faqs.errors.skillGroupId" | "faqs.errors.channelId") =>
  z
    .array(z.uuid({ error: say(key) }))
    .max(100)
    .transform((list) => [...new Set(list)]);

const fields = {
  question: question.meta({ examples: ["是否包邮？"] }),
  alternatives: alternatives.meta({ description: "Other phrasings of the question, matched like it.", examples: [["包邮吗", "满多少包邮"]] }),
  answer: faqAnswerSchema,
  language: language.meta({ examples: ["zh-CN"] }),
  category: category.meta({ examples: ["Shipping"] }),
  enabled: z.boolean(),
  skillGroupIds: ids("faqs.errors.skillGroupId").meta({ description: "The skill groups the entry applies to; with `channelIds` both empty, to all." }),
  channelIds: ids("faqs.errors.channelId").meta({ description: "The channels the entry applies to; with `skillGroupIds` both empty, to all." }),
};

export const faqInputSchema = z.object({
  ...fields,
  alternatives: fields.alternatives.optional().default([]),
  category: fields.category.optional().default(""),
  enabled: fields.enabled.optional().default(true),
  skillGroupIds: fields.skillGroupIds.optional().default([]),
  channelIds: fields.channelIds.optional().default([]),
});
export type FaqInput = z.input<typeof faqInputSchema>;

/** Changes only the fields sent; at least one. */
export const faqUpdateSchema = z
  .object(fields)
  .partial()
  .refine((v) => Object.values(v).some((f) => f !== undefined), { error: say("validation.atLeastOneField") });

export const faqListQuerySchema = z.object({
  q: inputString("field.search", 200)
    .optional()
    .meta({ description: "Words in the question, the alternatives or the category (case-insensitive).", examples: ["包邮"] }),
  language: language.optional().meta({ description: "Only entries of this language.", examples: ["zh-CN"] }),
  category: category.optional().meta({ description: "Only entries of this category (exactly).", examples: ["运费"] }),
  enabled: z
    .enum(["true", "false"], { error: say("faqs.errors.enabledFilter") })
    .optional()
    .meta({ description: "Only enabled (`true`) or disabled (`false`) entries.", examples: ["true"] }),
});
export type FaqListQuery = z.input<typeof faqListQuerySchema>;

export const faqSchema = z.object({
  id: z.uuid(),
  question: z.string().meta({ examples: ["是否包邮？"] }),
  alternatives: z.array(z.string()).meta({ examples: [["包邮吗", "满多少包邮"]] }),
  answer: faqAnswerSchema,
  language: z.enum(FAQ_LANGUAGES),
  category: z.string().meta({ examples: ["Shipping"] }),
  enabled: z.boolean(),
  skillGroupIds: z.array(z.uuid()),
  channelIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Faq = z.infer<typeof faqSchema>;

export const faqBulkEnableSchema = z.object({
  ids: z
    .array(z.uuid({ error: say("faqs.errors.notFound") }))
    .min(1)
    .max(FAQ_IMPORT_MAX_ROWS)
    .meta({ description: "The entries to change; ids of another organisation are ignored." }),
  enabled: z.boolean(),
});

export const faqSynonymsSchema = z.object({
  groups: z
    .array(
      z
        .array(inputString("field.faqSynonyms", 100))
        .transform((terms) => [...new Set(terms.filter((t) => t.length > 0))])
        .pipe(z.array(z.string()).min(2, { error: say("faqs.errors.synonymGroup") }).max(FAQ_SYNONYM_TERMS_MAX)),
    )
    .max(FAQ_SYNONYM_GROUPS_MAX)
    .meta({ description: "Each group: words and phrases the matcher treats as the same.", examples: [[["包邮", "免运费"], ["order", "package", "parcel"]]] }),
});
export type FaqSynonyms = z.infer<typeof faqSynonymsSchema>;

export const faqImportSchema = z.object({
  format: z.enum(["csv", "json"], { error: say("faqs.errors.importFormat") }),
  content: z
    .string()
    .max(FAQ_IMPORT_BODY_BYTES)
    .meta({
      description:
        "The file's text. CSV: a header row with question, alternatives (separated by \" | \"), answer (text), language (zh-CN or en), category, enabled (true/false). JSON: an array of entries as `POST /faqs` takes them.",
      examples: ["question,alternatives,answer,language,category,enabled\n是否包邮？,包邮吗 | 满多少包邮,订单满 49 美元包邮。,zh-CN,Shipping,true"],
    }),
  /** "add" keeps the existing entries; "replace" deletes them first. */
  mode: z.enum(["add", "replace"]).optional().default("add").meta({ description: "`add` keeps the knowledge base's entries; `replace` deletes them first (in the same transaction)." }),
});
export type FaqImportInput = z.input<typeof faqImportSchema>;

export const faqImportResultSchema = z.object({
  imported: z.number().int().meta({ examples: [120] }),
  replaced: z.number().int().meta({ description: "Entries deleted first (mode `replace`).", examples: [0] }),
});

export const faqImportMaxRows = FAQ_IMPORT_MAX_ROWS;
