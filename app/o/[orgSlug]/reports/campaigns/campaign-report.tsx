"use client";

import Link from "next/link";
import { FunnelChart, SeriesChart } from "@/components/charts";
import { Card } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat, useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { CampaignReport } from "@/lib/services/reports";
import { CsvLink } from "../csv-link";

const COUNTERS = ["linkClicks", "requestsSent", "requestsSkipped", "subscribers", "sent", "failed", "expired"] as const;

/** Campaign reports: the campaigns side by side, the funnel, subscribers per day and failures by reason. */
export function CampaignReportView({ orgSlug, report, csvQuery }: { orgSlug: string; report: CampaignReport; csvQuery: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const { campaigns } = report;
  if (campaigns.length === 0) return <p className="text-sm text-zinc-500" data-testid="campaign-report-empty">{t("reports.campaigns.empty")}</p>;
  const total = (key: (typeof COUNTERS)[number]) => campaigns.reduce((sum, c) => sum + c[key], 0);
  const only = campaigns.length === 1 ? campaigns[0] : null;
  const failures = campaigns.flatMap((c) => c.failures.map((f) => ({ campaign: c, ...f })));
  const series = campaigns.map((c, i) => ({ key: String(i), label: c.name }));
  return (
    <div className="space-y-6" data-testid="campaign-report">
      <p className="text-xs text-zinc-500">{t("reports.campaigns.def")}</p>
      <Card title={t("reports.campaigns.compare")} testId="campaigns-compare" aside={<CsvLink kind="campaigns" table="campaigns" query={csvQuery} label={t("reports.campaigns.compare")} />}>
        <Table label={t("reports.campaigns.compare")} wide>
          <THead>
            <TH>{t("reports.col.campaign")}</TH>
            <TH>{t("reports.col.status")}</TH>
            {COUNTERS.map((key) => (
              <TH key={key} className="text-right">
                {t(`reports.col.${key}`)}
              </TH>
            ))}
          </THead>
          <TBody>
            {campaigns.map((c) => (
              <TR key={c.campaignId} data-testid="campaign-row">
                <TD stack="title">
                  <Link href={`/o/${orgSlug}/campaigns/${c.campaignId}`} className="font-medium text-zinc-900 hover:underline">
                    {c.name}
                  </Link>
                </TD>
                <TD label={t("reports.col.status")}>{t(`campaigns.status.${c.status}` as MessageKey)}</TD>
                {COUNTERS.map((key) => (
                  <TD key={key} label={t(`reports.col.${key}`)} className="text-right tabular-nums">
                    {format.number(c[key])}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
        {campaigns.length > 1 && (
          <div className="mt-4">
            <SeriesChart
              kind="bar"
              label={t("reports.campaigns.compareChart")}
              rowHeader={t("reports.col.campaign")}
              series={[
                { key: "subscribers", label: t("reports.col.subscribers") },
                { key: "sent", label: t("reports.col.sent") },
                { key: "failed", label: t("reports.col.failed") },
              ]}
              rows={campaigns.map((c) => ({ label: c.name, values: { subscribers: c.subscribers, sent: c.sent, failed: c.failed } }))}
              testId="campaigns-compare-chart"
            />
          </div>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={only ? t("reports.campaigns.funnelOf", { name: only.name }) : t("reports.campaigns.funnelAll", { count: campaigns.length })} testId="campaign-funnel">
          <FunnelChart
            label={t("reports.campaigns.funnel")}
            steps={(["linkClicks", "requestsSent", "subscribers", "sent"] as const).map((key) => ({ label: t(`reports.col.${key}`), value: total(key) }))}
          />
        </Card>
        <Card title={t("reports.campaigns.subscribersByDay")} testId="campaign-subscribers" aside={<CsvLink kind="campaigns" table="subscribers" query={csvQuery} label={t("reports.campaigns.subscribersByDay")} />}>
          <SeriesChart
            kind="line"
            label={t("reports.campaigns.subscribersByDay")}
            rowHeader={t("reports.chart.day")}
            series={series}
            rows={report.subscribersByDay.map((d) => ({ label: format.dayMonth(`${d.date}T12:00:00Z`, { timeZone: "UTC" }), values: Object.fromEntries(d.counts.map((n, i) => [String(i), n])) }))}
          />
        </Card>
      </div>

      <Card title={t("reports.campaigns.failures")} testId="campaign-failures" aside={<CsvLink kind="campaigns" table="failures" query={csvQuery} label={t("reports.campaigns.failures")} />}>
        {failures.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("reports.campaigns.noFailures")}</p>
        ) : (
          <Table label={t("reports.campaigns.failures")}>
            <THead>
              <TH>{t("reports.col.campaign")}</TH>
              <TH>{t("reports.col.code")}</TH>
              <TH>{t("reports.col.reason")}</TH>
              <TH className="text-right">{t("reports.col.count")}</TH>
            </THead>
            <TBody>
              {failures.map((f) => (
                <TR key={`${f.campaign.campaignId}:${f.code}`} data-testid="failure-row">
                  <TD stack="title">{f.campaign.name}</TD>
                  <TD label={t("reports.col.code")} className="tabular-nums">
                    {f.code ?? t("reports.col.noCode")}
                  </TD>
                  <TD label={t("reports.col.reason")}>{f.reason ?? t("reports.none")}</TD>
                  <TD label={t("reports.col.count")} className="text-right tabular-nums">
                    {format.number(f.count)}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
