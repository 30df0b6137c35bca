/**
 * The key unanswered questions are grouped by: "Can I get an invoice?", "can i get an invoice" and
 * "Can I get an invoice ？" are one question to the person writing the FAQ. NFKC folds full-width forms
 * (Chinese keyboards type ？and ，), punctuation and symbols go, spaces collapse; words stay as they are, since
 * two different wordings may need two alternatives in the KB.
 */
export function normalizeQuestion(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
