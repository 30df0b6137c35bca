import type { MessageKey, Translate } from "@/lib/i18n/translate";

/** Kinds of last message that the list words itself ("Photo" rather than "[attachment]"). */
const KIND_WORDS: Record<string, MessageKey> = {
  image: "conversations.preview.image",
  video: "conversations.preview.video",
  audio: "conversations.preview.audio",
  file: "conversations.preview.file",
  sticker: "conversations.preview.sticker",
  location: "conversations.preview.location",
  fallback: "conversations.preview.fallback",
  attachment: "conversations.preview.attachment",
  template: "conversations.preview.template",
  reaction: "conversations.preview.reaction",
  referral: "conversations.preview.referral",
  optin: "conversations.preview.optin",
};

/** Placeholders stored before the list kept the message's kind (conversations.last_message_kind is null there). */
const LEGACY_PLACEHOLDERS: Record<string, MessageKey> = {
  "[attachment]": "conversations.preview.attachment",
  "[reaction]": "conversations.preview.reaction",
  "[referral]": "conversations.preview.referral",
  "[optin]": "conversations.preview.optin",
};

/**
 * The list's line about a conversation's last message, in the reader's language: its words when it has
 * some (a text, a card's title), else what it is ("Photo", "照片").
 */
export function previewText(conversation: { lastMessagePreview: string | null; lastMessageKind: string | null }, t: Translate): string {
  const { lastMessagePreview: preview, lastMessageKind: kind } = conversation;
  if (kind === null) return preview === null ? "" : LEGACY_PLACEHOLDERS[preview] ? t(LEGACY_PLACEHOLDERS[preview]) : preview;
  if (kind === "text" || kind === "postback") return preview ?? "";
  const words = t(KIND_WORDS[kind] ?? "conversations.preview.attachment");
  // A photo with a caption, or a card with its title: "Photo: ...".
  return preview ? `${words}: ${preview}` : words;
}
