/**
 * The FAQ knowledge base (issue 15): entries, synonyms, import/export, and the matcher the bot asks.
 * The domain's import path for everything outside it (the browser imports ./constants only).
 */
export * from "./schemas";
export { createFaq } from "./create-faq";
export { deleteFaq } from "./delete-faq";
export { exportFaqsCsv, exportFaqsJson } from "./export-faqs";
export { getFaq } from "./get-faq";
export { importFaqs } from "./import-faqs";
export { listFaqCategories, listFaqs } from "./list-faqs";
export { setFaqsEnabled } from "./set-faqs-enabled";
export { updateFaq } from "./update-faq";
export { listFaqSynonyms, saveFaqSynonyms } from "./synonyms";
export { matchFaq, clearMatcherCache, decide } from "./match-faq";
export { detectLanguage } from "./text";
export { DEFAULT_THRESHOLDS, type MatchThresholds } from "./thresholds";
export { KbIndex, type KbEntry } from "./kb-index";
export { EVALUATION_ENTRIES, EVALUATION_SYNONYMS, OUT_OF_SCOPE } from "./evaluation/dataset";
export { EVALUATION_GOALS, evaluateMatcher, type EvaluationReport } from "./evaluation/evaluate";
