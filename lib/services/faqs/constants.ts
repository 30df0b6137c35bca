/** The FAQ knowledge base's browser-safe values (no zod): the list, the form and the import use them. */

export const FAQ_LANGUAGES = ["zh-CN", "en"] as const;
export type FaqLanguage = (typeof FAQ_LANGUAGES)[number];
export const FAQ_ANSWER_KINDS = ["text", "image", "buttons", "quick_replies"] as const;

export const FAQ_QUESTION_MAX = 500;
export const FAQ_ALTERNATIVES_MAX = 30;
export const FAQ_CATEGORY_MAX = 100;
/** Messenger's limits: a text message 2,000 characters, a button template's text 640, a button's title 20. */
export const FAQ_TEXT_MAX = 2000;
export const FAQ_BUTTON_TEXT_MAX = 640;
export const FAQ_BUTTON_TITLE_MAX = 20;
/** Up to three buttons or quick replies under an answer (issue 15). */
export const FAQ_BUTTONS_MAX = 3;
export const FAQ_PAYLOAD_MAX = 1000;
/** The list answers the latest this many matching entries; the export has them all. */
export const FAQ_LIST_LIMIT = 1000;
/** An import holds at most this many entries (the bench's knowledge base has 5,000). */
export const FAQ_IMPORT_MAX_ROWS = 10_000;
/** Synonym groups of an organisation, and terms per group. */
export const FAQ_SYNONYM_GROUPS_MAX = 500;
export const FAQ_SYNONYM_TERMS_MAX = 20;
/** CSV columns of the export and the import, in this order. Alternatives are separated by " | ". */
export const FAQ_CSV_COLUMNS = ["question", "alternatives", "answer", "language", "category", "enabled"] as const;
export const FAQ_CSV_ALTERNATIVES_SEPARATOR = " | ";
/** The import's request body may be this large (a 10,000-row file); other bodies keep the API's 1 MB. */
export const FAQ_IMPORT_BODY_BYTES = 20 * 1024 * 1024;
/** Entries per organisation: the matcher holds an active organisation's whole knowledge base in memory. */
export const FAQ_ENTRIES_MAX = 20_000;
