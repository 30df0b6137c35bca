"use client";

import { useI18n } from "@/lib/i18n/client";

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
