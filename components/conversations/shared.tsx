"use client";

import { useI18n } from "@/lib/i18n/client";
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

/** A small "Live" dot; amber while refreshes fail (react-query keeps retrying). */
export function LiveIndicator({ failed }: { failed: boolean }) {
  const { t } = useI18n();
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-500" role="status">
      <span className={`size-2 rounded-full ${failed ? "bg-amber-500" : "animate-pulse bg-emerald-500"}`} aria-hidden="true" />
      {failed ? t("conversations.loadFailed") : t("conversations.live")}
    </span>
  );
}
