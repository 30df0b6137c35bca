/** Where a "/" or "@" word is being typed, for the composer's suggestion menus (pure, tested). */

export interface CaretWord {
  /** Index of the marker ("/" or "@"). */
  start: number;
  /** End of the word (the caret, or further when the caret sits inside the word). */
  end: number;
  /** What follows the marker up to the caret. */
  query: string;
}

/**
 * The word at the caret when it starts with `marker` at the start of the text or after a space, and holds no
 * space: "/tha|" → query "tha". A finished mention token ("@[Name](id)") is not a word being typed.
 */
export function caretWord(text: string, caret: number, marker: "/" | "@"): CaretWord | null {
  if (caret < 0 || caret > text.length) return null;
  let start = caret;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  if (text[start] !== marker) return null;
  const query = text.slice(start + 1, caret);
  if (query.includes(marker) || (marker === "@" && query.startsWith("["))) return null;
  let end = caret;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return { start, end, query };
}

/** `text` with [start, end) replaced by `insert`, and the caret just after it. */
export function replaceWord(text: string, word: Pick<CaretWord, "start" | "end">, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, word.start) + insert + text.slice(word.end), caret: word.start + insert.length };
}
