"use client";

import { SeriesChart } from "@/components/charts";
import { useFormat, useI18n } from "@/lib/i18n/client";

const HOUR = 3_600_000;

/** Events per hour over the last 24 hours as bars (oldest left), with its table view. `now` anchors the window. */
export function HealthChart({ hourly, now }: { hourly: { hour: string; events: number }[]; now: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const counts = new Map<number, number>();
  for (const h of hourly) counts.set(Math.floor(new Date(h.hour).getTime() / HOUR), h.events);
  const current = Math.floor(now / HOUR);
  const rows = Array.from({ length: 24 }, (_, i) => {
    const slot = current - 23 + i;
    return { label: format.time(slot * HOUR), values: { events: counts.get(slot) ?? 0 } };
  });
  return (
    <SeriesChart
      kind="bar"
      label={t("channels.health.chart")}
      rowHeader={t("reports.chart.hour")}
      series={[{ key: "events", label: t("channels.health.events") }]}
      rows={rows}
      height={120}
      testId="events-chart"
    />
  );
}
