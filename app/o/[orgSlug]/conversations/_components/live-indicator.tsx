"use client";

import type { LiveStatus } from "@/components/query/live-events";
import { useI18n } from "@/lib/i18n/client";

/**
 * "Live" (a green dot) while the live stream is connected; "Connecting…" while it is not (the page polls
 * meanwhile); amber while refreshes fail (react-query keeps retrying).
 */
export function LiveIndicator({ status, failed }: { status: LiveStatus; failed: boolean }) {
  const { t } = useI18n();
  const state = failed ? "failed" : status === "live" ? "live" : "connecting";
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-500" role="status" data-testid="live-indicator" data-state={state}>
      <span className={`size-2 rounded-full ${state === "failed" ? "bg-amber-500" : state === "live" ? "animate-pulse bg-emerald-500" : "bg-zinc-400"}`} aria-hidden="true" />
      {state === "failed" ? t("conversations.loadFailed") : state === "live" ? t("conversations.live") : t("conversations.connecting")}
    </span>
  );
}
