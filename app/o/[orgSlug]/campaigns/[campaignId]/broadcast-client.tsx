"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader, SectionTitle } from "@/components/ui/page-header";
import type { CampaignListItem } from "@/lib/services/campaigns/schemas";
import { useFormat, useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { CampaignActions } from "../_components/campaign-actions";
import { CampaignAudience, CampaignKindBadge, CampaignSchedule, useBudgetText } from "../_components/campaign-kind";
import { MessagePreview } from "../_components/campaign-preview";
import { CampaignStatusBadge } from "../_components/campaign-status";
import { campaignQueries } from "../query-options";
import { DeliveryLog } from "./delivery-log";

interface State {
  campaign: CampaignListItem;
  /** Before the start: the people it would reach now (null: not counted). */
  recipients: number | null;
}

/**
 * A recurring or marketing campaign's page: kind, audience, schedule and budget; live counters with a progress bar
 * (planned, sent, failed, held, skipped); send now and cancel as OTN has; the deliveries. Refreshed every 2 s.
 */
export function BroadcastDetail({ orgSlug, channelName, initial, canManage, notStarted }: { orgSlug: string; channelName: string; initial: State; canManage: boolean; notStarted: boolean }) {
  const { t, serverMessage } = useI18n();
  const format = useFormat();
  const router = useRouter();
  const budgetText = useBudgetText();
  const query = useQuery({ ...campaignQueries.broadcast(orgSlug, initial.campaign.id), initialData: initial });
  const { campaign, recipients } = query.data;
  const c = campaign.counts;
  // The engine keeps these on the campaign row: subscribers = planned at the start, expired = skipped.
  const counts = { planned: c.subscribers, sent: c.sent, failed: c.failed, held: c.held, skipped: c.expired };
  const settled = counts.sent + counts.failed + counts.skipped;
  const percent = counts.planned === 0 ? 0 : Math.min(100, Math.round((settled / counts.planned) * 1000) / 10);
  const started = campaign.status !== "draft" && campaign.status !== "scheduled";
  return (
    <div className="space-y-6" data-testid="campaign-detail" data-status={campaign.status} data-kind={campaign.kind}>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {campaign.name} <CampaignStatusBadge status={campaign.status} /> <CampaignKindBadge kind={campaign.kind} />
          </span>
        }
        description={channelName}
      />
      <CampaignActions
        orgSlug={orgSlug}
        campaign={campaign}
        canManage={canManage}
        recipients={recipients}
        onChanged={() => void query.refetch()}
        afterDelete={() => {
          router.push(`/o/${orgSlug}/campaigns`);
          router.refresh();
        }}
      />
      {query.error && <Alert>{serverMessage(query.error)}</Alert>}
      {notStarted && campaign.status === "draft" && (
        <Alert tone="warning">
          <span data-testid="not-started">{t("campaigns.detail.notStarted")}</span>
        </Alert>
      )}
      {campaign.status === "paused" && (
        <Alert tone="warning">
          <div data-testid="paused-banner">
            <p className="font-semibold">{t("campaigns.paused.title")}</p>
            <p>{t("campaigns.paused.body")}</p>
            {campaign.pauseReason && <p className="mt-1 text-[13px]">{t("campaigns.paused.reason", { reason: serverMessage({ message: campaign.pauseReason, messageKey: campaign.pauseReason as MessageKey }) })}</p>}
          </div>
        </Alert>
      )}

      <Card title={t("campaigns.detail.schedule")} testId="campaign-summary">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-[13px] text-zinc-500">{t("campaigns.col.kind")}</dt>
            <dd className="mt-0.5">{t(`campaigns.kind.${campaign.kind}`)}</dd>
          </div>
          <div>
            <dt className="text-[13px] text-zinc-500">{t("campaigns.col.audience")}</dt>
            <dd className="mt-0.5">
              <CampaignAudience campaign={campaign} />
              {campaign.topic && <span className="block text-[12px] text-zinc-500">{t(`campaigns.form.cadence.${campaign.topic.cadence}`)}</span>}
            </dd>
          </div>
          <div>
            <dt className="text-[13px] text-zinc-500">{t("campaigns.col.scheduled")}</dt>
            <dd className="mt-0.5">
              <CampaignSchedule campaign={campaign} />
            </dd>
          </div>
          {campaign.budget && (
            <div>
              <dt className="text-[13px] text-zinc-500">{t("campaigns.detail.budget")}</dt>
              <dd className="mt-0.5" data-testid="campaign-budget">
                {budgetText(campaign.budget)}
                <span className="block text-[12px] text-zinc-500">{t("campaigns.form.paidNote")}</span>
              </dd>
            </div>
          )}
        </dl>
      </Card>

      <Card title={t("campaigns.progress.title")} aside={<CampaignStatusBadge status={campaign.status} testId="progress-status" />} testId="campaign-progress">
        {!started ? (
          <>
            <p className="text-sm text-zinc-500" suppressHydrationWarning>
              {campaign.scheduledAt ? t("campaigns.progress.scheduledFor", { time: format.dateTime(campaign.scheduledAt) }) : t("campaigns.progress.notStarted")}{" "}
              {t("campaigns.progress.notPlanned")}
            </p>
            {recipients !== null && (
              <p className="mt-1 text-sm text-zinc-700" data-testid="campaign-recipients">
                {t("campaigns.form.recipients", { count: recipients })}
              </p>
            )}
          </>
        ) : (
          <>
            <div
              className="h-2.5 overflow-hidden rounded-full bg-zinc-100"
              role="progressbar"
              aria-label={t("campaigns.progress.title")}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={t("campaigns.progress.settledOf", { settled, planned: counts.planned })}
            >
              <div className={`h-full rounded-full ${campaign.status === "paused" ? "bg-amber-500" : "bg-accent-600"}`} style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-2 text-sm text-zinc-600" data-testid="progress-settled">
              {t("campaigns.progress.settledOf", { settled, planned: counts.planned })}
            </p>
          </>
        )}
      </Card>

      <section>
        <SectionTitle>{t("campaigns.detail.funnel")}</SectionTitle>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {(Object.keys(counts) as (keyof typeof counts)[]).map((key) => (
            <Stat key={key} variant="tile" label={t(`campaigns.counts.${key}`)} testId={`count-${key}`} valueTestId="count-value">
              {counts[key]}
            </Stat>
          ))}
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <DeliveryLog orgSlug={orgSlug} campaignId={campaign.id} />
        <section>
          <SectionTitle>{t("campaigns.preview.title")}</SectionTitle>
          <MessagePreview content={campaign.content} pageName={channelName} />
          {campaign.kind === "recurring" && (
            <Link href={`/o/${orgSlug}/campaigns/topics`} className="mt-3 inline-block text-sm font-medium text-accent-700 hover:underline">
              {t("campaigns.form.manageTopics")}
            </Link>
          )}
        </section>
      </div>
    </div>
  );
}
