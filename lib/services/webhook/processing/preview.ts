/** Attachment types Meta sends (webhook messages and echoes) that the list names in the reader's language. */
const ATTACHMENT_KINDS = new Set(["image", "video", "audio", "file", "sticker", "location", "fallback", "template"]);

type Attachment = { type?: unknown; payload?: { sticker_id?: unknown; title?: unknown; text?: unknown; elements?: { title?: unknown }[] } };

/**
 * What a conversation's list row says of its last message: its kind (the dashboard words it, "Photo" /
 * "照片") and its words, if any (a text, a tapped button's title, a card's title). Never a sentence in
 * one language: the stored row is read in every reader's language.
 */
export function previewOf(message: { kind: string; text: string | null; attachments?: unknown }): { kind: string; text: string | null } {
  if (message.kind !== "attachments") return { kind: message.kind, text: message.kind === "text" || message.kind === "postback" ? message.text : null };
  const first = (Array.isArray(message.attachments) ? message.attachments[0] : undefined) as Attachment | undefined;
  const type = typeof first?.type === "string" ? first.type : "";
  // Stickers came as images with a sticker_id before Meta gave them their own type (2026).
  const kind = type === "image" && first?.payload?.sticker_id !== undefined ? "sticker" : ATTACHMENT_KINDS.has(type) ? type : "attachment";
  if (kind === "template") {
    const p = first?.payload;
    const title = [p?.title, p?.text, p?.elements?.[0]?.title].find((t) => typeof t === "string" && t !== "");
    return { kind, text: message.text ?? (title as string | undefined) ?? null };
  }
  return { kind, text: message.text };
}
