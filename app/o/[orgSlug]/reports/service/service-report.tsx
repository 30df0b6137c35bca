"use client";

import type { ReactNode } from "react";
import { HeatmapChart, SeriesChart } from "@/components/charts";
import { Card, Stat } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat, useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { intlLocale } from "@/lib/i18n/format";
import type { DurationStats, ServiceBreakdownRow, ServiceReport } from "@/lib/services/reports";
import { CsvLink } from "../csv-link";

const COUNTS = ["conversationsNew", "conversationsResolved", "conversationsReopened", "messagesIn", "messagesOut"] as const;
const CLOCKS = ["firstResponse", "wait", "handle", "resolution"] as const;

/** A figure with its definition written beside it: what is counted, what starts and stops the clock. */
function Kpi({ title, definition, testId, children }: { title: string; definition: string; testId: string; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs print:break-inside-avoid" data-testid={testId} aria-label={title}>
      <h3 className="text-[13px] font-medium text-zinc-600">{title}</h3>
      <div className="mt-1">{children}</div>
      <p className="mt-2 text-xs leading-relaxed text-zinc-500">{definition}</p>
    </section>
  );
}

/** The service report: figures with their definitions, per-day charts, the heat map, the agents' and skill groups' tables. */
export function ServiceReportView({ report, csvQuery }: { report: ServiceReport; csvQuery: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const { totals } = report;
  const dayLabel = (date: string) => format.dayMonth(`${date}T12:00:00Z`, { timeZone: "UTC" });
  const dayRows = report.days.map((d) => ({ label: dayLabel(d.date), values: { ...d, date: null } }));
  const duration = (stats: DurationStats, key: "medianMs" | "p90Ms") => format.duration(stats[key]);
  const percent = (v: number | null) => (v === null ? t("reports.none") : `${Math.round(v * 1000) / 10}%`);
  const rating = (v: number | null) => (v === null ? t("reports.none") : v.toFixed(2));
  // Row 0 is Sunday (the contract); 1 November 2026 was a Sunday, so its week names the rows in the reader's language.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(intlLocale(locale), { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 10, 1 + i))));
  const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:00`);
  return (
    <div className="space-y-6" data-testid="service-report">
      <div className="-mb-3 flex justify-end print:hidden">
        <CsvLink kind="service" table="totals" query={csvQuery} label={t("reports.totals")} />
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
        {COUNTS.map((key) => (
          <Kpi key={key} title={t(`reports.kpi.${key}`)} definition={t(`reports.kpi.${key}.def` as MessageKey)} testId={`kpi-${key}`}>
            <div className="text-2xl font-semibold tabular-nums text-zinc-900" data-testid="kpi-value">
              {format.number(totals[key])}
            </div>
          </Kpi>
        ))}
      </div>
      <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-4">
        {CLOCKS.map((key) => (
          <Kpi key={key} title={t(`reports.kpi.${key}`)} definition={t(`reports.kpi.${key}.def` as MessageKey)} testId={`kpi-${key}`}>
            <dl className="grid grid-cols-2 gap-2">
              <div>
                <dt className="text-xs text-zinc-500">{t("reports.kpi.median")}</dt>
                <dd className="text-xl font-semibold tabular-nums text-zinc-900" data-testid="kpi-median">
                  {duration(totals[key], "medianMs")}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-zinc-500">{t("reports.kpi.p90")}</dt>
                <dd className="text-xl font-semibold tabular-nums text-zinc-900" data-testid="kpi-p90">
                  {duration(totals[key], "p90Ms")}
                </dd>
              </div>
            </dl>
            <p className="mt-1 text-xs text-zinc-500" data-testid="kpi-count">
              {t("reports.kpi.measured", { count: format.number(totals[key].count) })}
            </p>
          </Kpi>
        ))}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("reports.days.conversations")} testId="chart-conversations">
          <SeriesChart
            kind="line"
            label={t("reports.days.conversations")}
            rowHeader={t("reports.chart.day")}
            series={[
              { key: "conversationsNew", label: t("reports.kpi.conversationsNew") },
              { key: "conversationsResolved", label: t("reports.kpi.conversationsResolved") },
              { key: "conversationsReopened", label: t("reports.kpi.conversationsReopened") },
            ]}
            rows={dayRows}
          />
        </Card>
        <Card title={t("reports.days.messages")} testId="chart-messages">
          <SeriesChart
            kind="bar"
            label={t("reports.days.messages")}
            rowHeader={t("reports.chart.day")}
            series={[
              { key: "messagesIn", label: t("reports.kpi.messagesIn") },
              { key: "messagesOut", label: t("reports.kpi.messagesOut") },
            ]}
            rows={dayRows}
          />
        </Card>
      </div>
      <div className="flex justify-end print:hidden">
        <CsvLink kind="service" table="days" query={csvQuery} label={t("reports.days.table")} />
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("reports.csat.title")} testId="csat" className="lg:col-span-2">
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            <Stat label={t("reports.csat.average")} valueTestId="csat-average">
              {rating(totals.csat.average)}
            </Stat>
            <Stat label={t("reports.csat.responseRate")} valueTestId="csat-response-rate">
              {percent(totals.csat.responseRate)}
            </Stat>
            <Stat label={t("reports.csat.rated")} valueTestId="csat-rated">
              {format.number(totals.csat.rated)}
            </Stat>
            <Stat label={t("reports.csat.asked")} valueTestId="csat-asked">
              {format.number(totals.csat.asked)}
            </Stat>
            <Stat label={t("reports.csat.skipped")} valueTestId="csat-skipped">
              {format.number(totals.csat.skipped)}
            </Stat>
            <Stat label={t("reports.csat.comments")} valueTestId="csat-comments">
              {format.number(totals.csat.comments)}
            </Stat>
          </div>
          <p className="mt-2 text-xs text-zinc-500">{t("reports.csat.def")}</p>
          <div className="mt-4">
            <SeriesChart
              kind="bar"
              label={t("reports.csat.distribution")}
              rowHeader={t("reports.csat.rating")}
              series={[{ key: "ratings", label: t("reports.csat.ratings") }]}
              rows={totals.csat.distribution.map((count, i) => ({ label: t("reports.csat.star", { n: i + 1 }), values: { ratings: count } }))}
              height={160}
              testId="csat-distribution"
            />
          </div>
        </Card>
        <Card title={t("reports.bot.title")} testId="bot">
          <div className="grid grid-cols-2 gap-2">
            <Stat label={t("reports.bot.answered")} valueTestId="bot-answered">
              {format.number(totals.bot.answered)}
            </Stat>
            <Stat label={t("reports.bot.suggested")} valueTestId="bot-suggested">
              {format.number(totals.bot.suggested)}
            </Stat>
            <Stat label={t("reports.bot.unanswered")} valueTestId="bot-unanswered">
              {format.number(totals.bot.unanswered)}
            </Stat>
            <Stat label={t("reports.bot.helpfulRate")} valueTestId="bot-helpful-rate">
              {percent(totals.bot.helpfulRate)}
            </Stat>
            <Stat label={t("reports.bot.handovers")} valueTestId="bot-handovers">
              {format.number(totals.bot.handovers)}
            </Stat>
          </div>
          <p className="mt-2 text-xs text-zinc-500">{t("reports.bot.def")}</p>
        </Card>
      </div>

      <Card title={t("reports.heatmap.title")} testId="heatmap" aside={<CsvLink kind="service" table="heatmap" query={csvQuery} label={t("reports.heatmap.table")} />}>
        <HeatmapChart label={t("reports.heatmap.title")} rowHeader={t("reports.heatmap.weekday")} rowLabels={weekdays} columnLabels={hours} cells={report.heatmap} />
      </Card>

      <Breakdown title={t("reports.agents.title")} rows={report.agents} none={t("reports.col.unassigned")} testId="agents" csv={<CsvLink kind="service" table="agents" query={csvQuery} label={t("reports.agents.title")} />} />
      <Breakdown title={t("reports.skillGroups.title")} rows={report.skillGroups} none={t("reports.col.noGroup")} testId="skill-groups" csv={<CsvLink kind="service" table="skillGroups" query={csvQuery} label={t("reports.skillGroups.title")} />} />
    </div>
  );
}

/** The per-agent or per-skill-group table; the same columns as its CSV. */
function Breakdown({ title, rows, none, testId, csv }: { title: string; rows: ServiceBreakdownRow[]; none: string; testId: string; csv: ReactNode }) {
  const { t } = useI18n();
  const format = useFormat();
  const columns: [string, (r: ServiceBreakdownRow) => string][] = [
    [t("reports.col.resolved"), (r) => format.number(r.conversationsResolved)],
    [t("reports.col.messagesOut"), (r) => format.number(r.messagesOut)],
    [t("reports.col.firstResponseMedian"), (r) => format.duration(r.firstResponse.medianMs)],
    [t("reports.col.firstResponseP90"), (r) => format.duration(r.firstResponse.p90Ms)],
    [t("reports.col.handleMedian"), (r) => format.duration(r.handle.medianMs)],
    [t("reports.col.resolutionMedian"), (r) => format.duration(r.resolution.medianMs)],
    [t("reports.col.resolutionP90"), (r) => format.duration(r.resolution.p90Ms)],
    [t("reports.col.csat"), (r) => (r.csatAverage === null ? t("reports.none") : r.csatAverage.toFixed(2))],
    [t("reports.col.csatRated"), (r) => format.number(r.csatRated)],
  ];
  return (
    <Card title={title} testId={testId} aside={csv}>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("reports.empty")}</p>
      ) : (
        <Table label={title} wide>
          <THead>
            <TH>{t("reports.col.name")}</TH>
            {columns.map(([label]) => (
              <TH key={label} className="text-right">
                {label}
              </TH>
            ))}
          </THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.id ?? "none"} data-testid="breakdown-row">
                <TD stack="title">{r.id === null ? none : (r.name ?? t("reports.col.deleted"))}</TD>
                {columns.map(([label, cell]) => (
                  <TD key={label} label={label} className="text-right tabular-nums">
                    {cell(r)}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
