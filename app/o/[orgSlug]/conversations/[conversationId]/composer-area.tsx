"use client";

import { useI18n } from "@/lib/i18n/client";
import type { ConversationDetail } from "@/lib/services/conversations/schemas";

/** Below the thread: where replies are written. */
export function ComposerArea({ conversation: _conversation }: { conversation: ConversationDetail; orgSlug: string }) {
  const { t } = useI18n();
  return <p className="border-t border-zinc-100 px-4 py-2.5 text-xs text-zinc-500">{t("conversations.readOnly")}</p>;
}
