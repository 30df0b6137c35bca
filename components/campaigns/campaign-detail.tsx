"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  campaignRecipientsAction,
  campaignStateAction,
  cancelCampaignAction,
  deleteCampaignAction,
  resumeCampaignAction,
  sendCampaignNowAction,
} from "@/app/o/[orgSlug]/campaigns/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PageHeader, SectionTitle } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { CampaignStats, SubscribersOverTime } from "@/lib/campaigns/campaign-stats";
import type { Campaign } from "@/lib/campaigns/schemas";
import { useI18n } from "@/lib/i18n/client";
import { CampaignActions, SharePanel, type LifecycleActions } from "./campaign-actions";
import { CampaignPreview } from "./preview";
import { CampaignStatusBadge, POLL_MS, unwrap } from "./shared";

interface State {
  campaign: Campaign;
  stats: CampaignStats;
  overTime: SubscribersOverTime;
}

/** The campaign page: funnel, live progress, subscribers chart, failures, share link and the recipient log. */
export function CampaignDetail({ orgSlug, channelName, initial, canManage }: { orgSlug: string; channelName: string; initial: State; canManage: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const query = useQuery({
    queryKey: ["campaign", orgSlug, initial.campaign.id],
    queryFn: () => unwrap(campaignStateAction(orgSlug, initial.campaign.id)),
    initialData: initial,
    refetchInterval: POLL_MS,
  });
  const { campaign, stats, overTime } = query.data;
  const actions: LifecycleActions = {
    sendNow: (id) => sendCampaignNowAction(orgSlug, id),
    cancel: (id) => cancelCampaignAction(orgSlug, id),
    remove: (id) => deleteCampaignAction(orgSlug, id),
    resume: (id) => resumeCampaignAction(orgSlug, id),
  };
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
      />
      <CampaignActions
        orgSlug={orgSlug}
        campaign={campaign}
        actions={actions}
        canManage={canManage}
        onChanged={() => void query.refetch()}
        afterDelete={() => {
          router.push(`/o/${orgSlug}/campaigns`);
          router.refresh();
        }}
      />
      {query.error && <Alert>{query.error.message}</Alert>}
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
            <div key={key} className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs" data-testid={`funnel-${key}`}>
              <div className="text-[13px] text-zinc-500">{t(`campaigns.funnel.${key}`)}</div>
              <div className="mt-1 text-2xl font-semibold tabular-nums text-zinc-900" data-testid="funnel-value">
                {value}
              </div>
            </div>
          ))}
        </div>
      </section>

      <section className="rounded-xl border border-zinc-200 bg-white p-5 shadow-xs" data-testid="campaign-progress">
        <SectionTitle aside={<CampaignStatusBadge status={campaign.status} />}>{t("campaigns.progress.title")}</SectionTitle>
        {campaign.status === "draft" || campaign.status === "scheduled" ? (
          <p className="text-sm text-zinc-500">
            {campaign.scheduledAt ? t("campaigns.progress.scheduledFor", { time: new Date(campaign.scheduledAt).toLocaleString() }) : t("campaigns.progress.notStarted")}
          </p>
        ) : (
          <>
            <div className="h-2.5 overflow-hidden rounded-full bg-zinc-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={p.percent}>
              <div className={`h-full rounded-full ${campaign.status === "paused" ? "bg-amber-500" : "bg-accent-600"}`} style={{ width: `${p.percent}%` }} />
            </div>
            <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-600">
              <span data-testid="progress-sent">{t("campaigns.progress.sentOf", { sent: p.sent, total: p.total })}</span>
              {p.failed > 0 && <span className="text-red-600">{t("campaigns.progress.failed", { count: p.failed })}</span>}
              {campaign.status === "sending" && <span>{t("campaigns.progress.rate", { rate: Math.round(p.ratePerSecond * 10) / 10 })}</span>}
              {campaign.status === "sending" && p.secondsLeft !== null && <span>{t("campaigns.progress.left", { seconds: p.secondsLeft })}</span>}
            </div>
          </>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-xl border border-zinc-200 bg-white p-5 shadow-xs">
          <SectionTitle>{t("campaigns.chart.title")}</SectionTitle>
          <SubscribersChart points={overTime.points} />
        </section>
        <section className="rounded-xl border border-zinc-200 bg-white p-5 shadow-xs">
          <SectionTitle>{t("campaigns.failures.title")}</SectionTitle>
          {stats.failuresByReason.length === 0 ? (
            <p className="text-sm text-zinc-500">{t("campaigns.failures.none")}</p>
          ) : (
            <Table>
              <THead>
                <TH>{t("campaigns.failures.code")}</TH>
                <TH>{t("campaigns.failures.reason")}</TH>
                <TH className="text-right">{t("campaigns.failures.count")}</TH>
              </THead>
              <TBody>
                {stats.failuresByReason.map((r, i) => (
                  <TR key={i}>
                    <TD className="font-mono text-xs">{r.code ?? "—"}</TD>
                    <TD>{r.reason}</TD>
                    <TD className="text-right tabular-nums">{r.count}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section className="rounded-xl border border-zinc-200 bg-white p-5 shadow-xs">
          <SectionTitle>{t("campaigns.share.title")}</SectionTitle>
          <SharePanel orgSlug={orgSlug} campaign={campaign} />
        </section>
        <section>
          <SectionTitle>{t("campaigns.preview.title")}</SectionTitle>
          <CampaignPreview invitation={campaign.invitation} requestTitle={campaign.requestTitle} replyText={campaign.replyText} content={campaign.content} pageName={channelName} />
        </section>
      </div>

      <RecipientLog orgSlug={orgSlug} campaignId={campaign.id} />
    </div>
  );
}

/** Cumulative subscribers per day as a plain SVG line. */
function SubscribersChart({ points }: { points: SubscribersOverTime["points"] }) {
  const { t } = useI18n();
  if (points.length === 0) return <p className="text-sm text-zinc-500">{t("campaigns.chart.empty")}</p>;
  const W = 480;
  const H = 160;
  const pad = 28;
  const max = Math.max(1, ...points.map((p) => p.cumulative));
  const x = (i: number) => (points.length === 1 ? W / 2 : pad + (i * (W - 2 * pad)) / (points.length - 1));
  const y = (v: number) => H - pad - (v * (H - 2 * pad)) / max;
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.cumulative).toFixed(1)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-40 w-full" role="img" aria-label={t("campaigns.chart.label")} data-testid="subscribers-chart">
      <line x1={pad} y1={H - pad} x2={W - pad} y2={H - pad} className="stroke-zinc-200" />
      <text x={pad - 6} y={y(max) + 4} textAnchor="end" className="fill-zinc-400 text-[10px]">
        {max}
      </text>
      <path d={path} fill="none" className="stroke-accent-600" strokeWidth={2} />
      {points.map((p, i) => (
        <g key={p.at}>
          <circle cx={x(i)} cy={y(p.cumulative)} r={3} className="fill-accent-600">
            <title>{`${p.at.slice(0, 10)}: ${p.cumulative} (+${p.subscribers})`}</title>
          </circle>
          {(i === 0 || i === points.length - 1) && (
            <text x={x(i)} y={H - 8} textAnchor="middle" className="fill-zinc-400 text-[10px]">
              {p.at.slice(5, 10)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

const RECIPIENTS_PAGE = 25;

function RecipientLog({ orgSlug, campaignId }: { orgSlug: string; campaignId: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: ["campaign-recipients", orgSlug, campaignId, search, cursor],
    queryFn: () => unwrap(campaignRecipientsAction(orgSlug, campaignId, { limit: RECIPIENTS_PAGE, ...(search.trim() && { search: search.trim() }), ...(cursor && { cursor }) })),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS * 2,
  });
  const rows = query.data?.data ?? [];
  const csv = `/api/downloads/campaigns/${campaignId}/recipients.csv?org=${encodeURIComponent(orgSlug)}`;
  return (
    <section data-testid="recipient-log">
      <SectionTitle
        aside={
          <a href={csv} download className="text-sm font-medium text-accent-700 hover:underline">
            {t("campaigns.recipients.export")}
          </a>
        }
      >
        {t("campaigns.recipients.title")}
      </SectionTitle>
      <div className="mb-3 max-w-xs">
        <Input
          type="search"
          aria-label={t("campaigns.recipients.search")}
          placeholder={t("campaigns.recipients.search")}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setCursors([undefined]);
          }}
        />
      </div>
      {query.error && <Alert>{query.error.message}</Alert>}
      {rows.length === 0 ? (
        <p className="rounded-xl border border-zinc-200 bg-white p-5 text-sm text-zinc-500 shadow-xs">{t("campaigns.recipients.empty")}</p>
      ) : (
        <Table label={t("campaigns.recipients.title")}>
          <THead>
            <TH>{t("campaigns.recipients.name")}</TH>
            <TH>{t("campaigns.recipients.status")}</TH>
            <TH className="hidden md:table-cell">{t("campaigns.recipients.optedIn")}</TH>
            <TH className="hidden md:table-cell">{t("campaigns.recipients.sentAt")}</TH>
            <TH>{t("campaigns.recipients.failure")}</TH>
          </THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.id} data-testid="recipient-row" data-psid={r.psid}>
                <TD>
                  {r.name ?? <span className="text-zinc-400">{t("campaigns.recipients.unknown")}</span>}
                  <div className="font-mono text-[11px] text-zinc-400">{r.psid}</div>
                </TD>
                <TD>
                  <Badge tone={r.status === "sent" ? "success" : r.status === "failed" ? "danger" : r.status === "expired" ? "warning" : "neutral"}>
                    {t(`campaigns.recipient.${r.status}`)}
                  </Badge>
                </TD>
                <TD className="hidden text-zinc-500 md:table-cell">
                  <Time iso={r.optedInAt} />
                </TD>
                <TD className="hidden text-zinc-500 md:table-cell">{r.sentAt ? <Time iso={r.sentAt} /> : "—"}</TD>
                <TD className="text-[13px] text-zinc-600">{r.failureReason ? `${r.failureCode ?? ""} ${r.failureReason}`.trim() : "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <div className="mt-3 flex gap-2">
        <Button size="sm" variant="secondary" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t("campaigns.recipients.prev")}
        </Button>
        <Button size="sm" variant="secondary" disabled={!query.data?.nextCursor} onClick={() => setCursors((c) => [...c, query.data?.nextCursor ?? undefined])}>
          {t("campaigns.recipients.next")}
        </Button>
      </div>
    </section>
  );
}
