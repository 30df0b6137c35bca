/** Canned replies' browser-safe values (no zod): the settings form, the "/" menu and its preview use them. */

/** The variables a canned reply may hold, filled in when it is inserted. */
export const CANNED_REPLY_VARIABLES = ["first_name", "last_name", "agent_name", "page_name"] as const;
export type CannedReplyVariable = (typeof CANNED_REPLY_VARIABLES)[number];
export type CannedReplyValues = Partial<Record<CannedReplyVariable, string | null | undefined>>;

export const SHORTCUT_MAX = 40;
/** Messenger's limit for a text message. */
export const CANNED_REPLY_CONTENT_MAX = 2000;
/** What the "/" menu offers at most. */
export const CANNED_REPLY_SEARCH_LIMIT = 8;
/** A shortcut is one word: letters (any script), digits, "-" and "_", so "/" and the word at the caret find it. */
export const SHORTCUT_PATTERN = /^[\p{L}\p{N}_-]+$/u;

const known = new Set<string>(CANNED_REPLY_VARIABLES);

/**
 * A canned reply with its variables filled in. A known variable without a value (a contact whose first name
 * Meta never gave) becomes nothing, and the space or comma it leaves is tidied ("Hi {first_name}, thanks" →
 * "Hi, thanks"); an unknown variable ({order_id}) stays as written, so the agent sees it must be filled by hand.
 */
export function renderCannedReply(content: string, values: CannedReplyValues): string {
  let emptied = false;
  const filled = content.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    if (!known.has(name)) return whole;
    const value = values[name as CannedReplyVariable]?.trim();
    if (value) return value;
    emptied = true;
    return "\u0000";
  });
  if (!emptied) return filled;
  // \u0000 marks where a value was missing (inputs never hold NUL): take the marker and the gap it leaves.
  return filled
    .replace(/\u0000(?:[ \t]*\u0000)+/g, "\u0000")
    .replace(/(^|\n)[ \t]*\u0000[ \t]*[,，]?[ \t]*/g, "$1")
    .replace(/[ \t]*\u0000[ \t]*(?=[,.!?;:，。！？；：]|\n|$)/g, "")
    .replace(/[ \t]*\u0000[ \t]*/g, " ");
}
