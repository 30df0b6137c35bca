/**
 * The FAQ knowledge base (issue 15): entries, synonyms, import/export, and the matcher the bot asks.
 * The domain's import path for everything outside it.
 */
export { matchFaq, clearMatcherCache } from "./match-faq";
export { detectLanguage } from "./text";
export { DEFAULT_THRESHOLDS, type MatchThresholds } from "./thresholds";
