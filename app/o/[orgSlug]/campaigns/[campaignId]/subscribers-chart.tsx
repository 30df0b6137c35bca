"use client";

import { SeriesChart } from "@/components/charts";
import type { SubscribersOverTime } from "@/lib/services/campaigns";
import { useFormat, useI18n } from "@/lib/i18n/client";

/** Cumulative subscribers per day as an area, new ones per day beside it in the table (days are UTC days, as the service buckets them). */
export function SubscribersChart({ points }: { points: SubscribersOverTime["points"] }) {
  const { t } = useI18n();
  const format = useFormat();
  if (points.length === 0) return <p className="text-sm text-zinc-500">{t("campaigns.chart.empty")}</p>;
  return (
    <SeriesChart
      kind="area"
      label={t("campaigns.chart.label")}
      rowHeader={t("reports.chart.day")}
      series={[
        { key: "cumulative", label: t("campaigns.chart.cumulative") },
        { key: "subscribers", label: t("campaigns.chart.new") },
      ]}
      rows={points.map((p) => ({ label: format.dayMonth(p.at, { timeZone: "UTC" }), values: { cumulative: p.cumulative, subscribers: p.subscribers } }))}
      height={180}
      testId="subscribers-chart"
    />
  );
}
