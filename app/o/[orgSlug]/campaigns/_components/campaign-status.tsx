"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CampaignStatus } from "@/lib/services/campaigns/schemas";
import { useI18n } from "@/lib/i18n/client";

const tones: Record<CampaignStatus, BadgeTone> = {
  draft: "neutral",
  scheduled: "accent",
  sending: "accent",
  paused: "warning",
  sent: "success",
  sent_with_failures: "warning",
  cancelled: "neutral",
};

/** `testId` tells apart a second badge for the same campaign (the list row's phone layout). */
export function CampaignStatusBadge({ status, testId = "campaign-status" }: { status: CampaignStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span data-testid={testId} data-status={status}>
      <Badge tone={tones[status]}>{t(`campaigns.status.${status}`)}</Badge>
    </span>
  );
}

/** Statuses in which the schedule can still change or "Send now" applies (mirrors EDITABLE_STATUSES). */
export const isEditable = (s: CampaignStatus) => s === "draft" || s === "scheduled";
export const isCancellable = (s: CampaignStatus) => s === "draft" || s === "scheduled" || s === "sending" || s === "paused";
