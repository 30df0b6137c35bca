import type { MessageKey, Translate } from "@/lib/i18n/translate";

/** The stored preview, with the placeholder for attachments in the reader's language. */
export function previewText(preview: string | null, t: Translate): string {
  if (!preview) return "";
  const placeholders: Record<string, MessageKey> = {
    "[attachment]": "conversations.preview.attachment",
    "[reaction]": "conversations.preview.reaction",
    "[referral]": "conversations.preview.referral",
    "[optin]": "conversations.preview.optin",
  };
  return placeholders[preview] ? t(placeholders[preview]) : preview;
}
