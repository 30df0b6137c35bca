"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CampaignKind, CampaignListItem } from "@/lib/services/campaigns/schemas";
import { useFormat, useI18n } from "@/lib/i18n/client";

const tones: Record<CampaignKind, BadgeTone> = { otn: "neutral", recurring: "accent", marketing: "success" };

/** The campaign's kind as a badge (One-Time Notification, Recurring topic, Marketing Messages). */
export function CampaignKindBadge({ kind }: { kind: CampaignKind }) {
  const { t } = useI18n();
  return (
    <span data-testid="campaign-kind" data-kind={kind}>
      <Badge tone={tones[kind]}>{t(`campaigns.kind.${kind}`)}</Badge>
    </span>
  );
}

type AudienceOf = Pick<CampaignListItem, "kind" | "topic" | "segment" | "segmentId">;

/**
 * Who a campaign goes to, in words: everyone subscribed (OTN), the topic (recurring) or the Page's subscribers
 * (marketing), narrowed to a segment when it has one.
 */
export function useAudienceText() {
  const { t } = useI18n();
  return (c: AudienceOf): { base: string; segment: string | null } => ({
    base: c.kind === "recurring" ? (c.topic ? t("campaigns.audience.topic", { topic: c.topic.title }) : "—") : c.kind === "marketing" ? t("campaigns.audience.page") : t("segments.audience.everyone"),
    segment: c.segment ? t("campaigns.audience.segment", { segment: c.segment.name }) : c.segmentId ? t("campaigns.audience.segmentGone") : null,
  });
}

export function CampaignAudience({ campaign }: { campaign: AudienceOf }) {
  const audience = useAudienceText()(campaign);
  return (
    <span data-testid="campaign-audience">
      {audience.segment ?? audience.base}
      {audience.segment && <span className="block text-[12px] text-zinc-500">{audience.base}</span>}
    </span>
  );
}

/** A budget as entered: the amount in the ad account's currency (two decimals), daily or for the campaign's lifetime. */
export function useBudgetText() {
  const { t } = useI18n();
  return (budget: { type: "daily" | "lifetime"; amountCents: number }) =>
    t(budget.type === "daily" ? "campaigns.budget.daily" : "campaigns.budget.lifetime", { amount: (budget.amountCents / 100).toFixed(2) });
}

/**
 * When a campaign goes out: its start (or "Manual" for a draft sent on demand), and for a local send time
 * "10:00 in each subscriber's time zone".
 */
export function CampaignSchedule({ campaign }: { campaign: Pick<CampaignListItem, "kind" | "scheduledAt" | "startedAt" | "localSendTime"> }) {
  const { t } = useI18n();
  const format = useFormat();
  const start = campaign.scheduledAt ?? campaign.startedAt;
  return (
    <span data-testid="campaign-schedule">
      <span suppressHydrationWarning>
        {start ? (campaign.localSendTime ? t("campaigns.schedule.from", { time: format.dateTime(start) }) : format.dateTime(start)) : t("campaigns.manualOnly")}
      </span>
      {campaign.localSendTime && <span className="block text-[12px] text-zinc-500" data-testid="campaign-local-time">{t("campaigns.schedule.localTime", { time: campaign.localSendTime })}</span>}
    </span>
  );
}
