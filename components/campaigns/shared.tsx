"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CampaignStatus } from "@/lib/campaigns/schemas";
import { useI18n } from "@/lib/i18n/client";

/** react-query for the marketing center's live numbers (polling through server actions). */
export function CampaignsQueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true, staleTime: 1_000 } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** Turns an ActionResult into data or a thrown error, as react-query's queryFn expects. */
export async function unwrap<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

export const POLL_MS = 2_000;

const tones: Record<CampaignStatus, BadgeTone> = {
  draft: "neutral",
  scheduled: "accent",
  sending: "accent",
  paused: "warning",
  sent: "success",
  sent_with_failures: "warning",
  cancelled: "neutral",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useI18n();
  return (
    <span data-testid="campaign-status" data-status={status}>
      <Badge tone={tones[status]}>{t(`campaigns.status.${status}`)}</Badge>
    </span>
  );
}

/** Statuses in which the schedule can still change or "Send now" applies (mirrors EDITABLE_STATUSES). */
export const isEditable = (s: CampaignStatus) => s === "draft" || s === "scheduled";
export const isCancellable = (s: CampaignStatus) => s === "draft" || s === "scheduled" || s === "sending" || s === "paused";

/** The browser's zone name for the hint (e.g. Asia/Shanghai, UTC+08:00). */
export function timeZoneLabel(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = -new Date().getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${zone}, UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** datetime-local value ("2030-05-01T09:00") in the browser's zone → ISO 8601 with that zone's offset. */
export function localToIsoWithOffset(local: string): string | null {
  if (!local) return null;
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const withSeconds = local.length === 16 ? `${local}:00` : local.slice(0, 19);
  return `${withSeconds}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** A stored UTC instant → the datetime-local value in the browser's zone. */
export function isoToLocal(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
