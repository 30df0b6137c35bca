"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { PageHeader, SectionTitle } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { CampaignStats, SubscribersOverTime } from "@/lib/services/campaigns";
import type { Campaign } from "@/lib/services/campaigns/schemas";
import { useFormat, useI18n } from "@/lib/i18n/client";
import { CampaignActions, SharePanel } from "../_components/campaign-actions";
import { CampaignPreview } from "../_components/campaign-preview";
import { CampaignStatusBadge } from "../_components/campaign-status";
import { campaignQueries } from "../query-options";
import { FailureReason, groupFailures } from "./failure-reason";
import { RecipientLog } from "./recipient-log";
import { SubscribersChart } from "./subscribers-chart";

interface State {
  campaign: Campaign;
  stats: CampaignStats;
  overTime: SubscribersOverTime;
}

/** The campaign page: funnel, live progress, subscribers chart, failures, share link and the recipient log. */
export function CampaignDetail({ orgSlug, channelName, initial, canManage }: { orgSlug: string; channelName: string; initial: State; canManage: boolean }) {
  const { t, serverMessage } = useI18n();
  const format = useFormat();
  const router = useRouter();
  const query = useQuery({ ...campaignQueries.detail(orgSlug, initial.campaign.id), initialData: initial });
  const { campaign, stats, overTime } = query.data;
  const f = stats.funnel;
  const funnel = [
    ["linkClicks", f.linkClicks],
    ["requestsSent", f.requestsSent],
    ["subscribers", f.subscribers],
    ["sent", f.sent],
    ["delivered", f.delivered],
    ["read", f.read],
  ] as const;
  const p = stats.progress;
  return (
    <div className="space-y-6" data-testid="campaign-detail" data-status={campaign.status}>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {campaign.name} <CampaignStatusBadge status={campaign.status} />
          </span>
        }
        description={channelName}
        actions={
          <ButtonLink variant="secondary" size="sm" href={`/o/${orgSlug}/reports/campaigns?preset=30d&campaignIds=${campaign.id}`} data-testid="campaign-report-link">
            {t("campaigns.report.link")}
          </ButtonLink>
        }
      />
      <CampaignActions
        orgSlug={orgSlug}
        campaign={campaign}
        canManage={canManage}
        onChanged={() => void query.refetch()}
        afterDelete={() => {
          router.push(`/o/${orgSlug}/campaigns`);
          router.refresh();
        }}
      />
      {query.error && <Alert>{serverMessage(query.error)}</Alert>}
      {campaign.status === "paused" && (
        <Alert tone="warning">
          <div data-testid="paused-banner">
            <p className="font-semibold">{t("campaigns.paused.title")}</p>
            <p>{t("campaigns.paused.body")}</p>
            {campaign.pauseReason && <p className="mt-1 text-[13px]">{t("campaigns.paused.reason", { reason: campaign.pauseReason })}</p>}
          </div>
        </Alert>
      )}

      <section>
        <SectionTitle>{t("campaigns.detail.funnel")}</SectionTitle>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {funnel.map(([key, value]) => (
            <Stat key={key} variant="tile" label={t(`campaigns.funnel.${key}`)} testId={`funnel-${key}`} valueTestId="funnel-value">
              {value}
            </Stat>
          ))}
        </div>
      </section>

      <Card title={t("campaigns.progress.title")} aside={<CampaignStatusBadge status={campaign.status} />} testId="campaign-progress">
        {campaign.status === "draft" || campaign.status === "scheduled" ? (
          <>
            <p className="text-sm text-zinc-500" suppressHydrationWarning>
              {campaign.scheduledAt ? t("campaigns.progress.scheduledFor", { time: format.dateTime(campaign.scheduledAt) }) : t("campaigns.progress.notStarted")}
            </p>
            {/* The number the send will reach: subscribers with an unused token, in the segment when there is one. */}
            <p className="mt-1 text-sm text-zinc-700" data-testid="campaign-recipients">
              {t(stats.audience.segmentId ? "segments.recipients.segment" : "segments.recipients.everyone", { count: stats.audience.recipients })}
            </p>
          </>
        ) : (
          <>
            <div className="h-2.5 overflow-hidden rounded-full bg-zinc-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.percent}>
              <div className={`h-full rounded-full ${campaign.status === "paused" ? "bg-amber-500" : "bg-accent-600"}`} style={{ width: `${p.percent}%` }} />
            </div>
            <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-600">
              <span data-testid="progress-sent">{t("campaigns.progress.sentOf", { sent: p.sent, total: p.total })}</span>
              {p.failed > 0 && <span className="text-red-600">{t("campaigns.progress.failed", { count: p.failed })}</span>}
              {campaign.status === "sending" && <span>{t("campaigns.progress.rate", { rate: Math.round(p.ratePerSecond * 10) / 10 })}</span>}
              {campaign.status === "sending" && p.secondsLeft !== null && <span>{t("campaigns.progress.left", { duration: format.duration(p.secondsLeft * 1000) })}</span>}
            </div>
          </>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("campaigns.chart.title")}>
          <SubscribersChart points={overTime.points} />
        </Card>
        <Card title={t("campaigns.failures.title")}>
          {stats.failuresByReason.length === 0 ? (
            <p className="text-sm text-zinc-500">{t("campaigns.failures.none")}</p>
          ) : (
            <Table>
              <THead>
                <TH>{t("campaigns.failures.reason")}</TH>
                <TH className="text-right">{t("campaigns.failures.count")}</TH>
              </THead>
              <TBody>
                {groupFailures(stats.failuresByReason).map((r, i) => (
                  <TR key={i} data-testid="failure-row">
                    <TD stack="title">
                      <FailureReason code={r.code} reason={r.reason} metaMessages={r.metaMessages} />
                    </TD>
                    <TD label={t("campaigns.failures.count")} className="text-right tabular-nums">{r.count}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card title={t("campaigns.share.title")}>
          <SharePanel orgSlug={orgSlug} campaign={campaign} />
        </Card>
        <section>
          <SectionTitle>{t("campaigns.preview.title")}</SectionTitle>
          <CampaignPreview invitation={campaign.invitation} requestTitle={campaign.requestTitle} replyText={campaign.replyText} content={campaign.content} pageName={channelName} />
        </section>
      </div>

      <RecipientLog orgSlug={orgSlug} campaignId={campaign.id} />
    </div>
  );
}
