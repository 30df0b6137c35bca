"use client";

import { useI18n } from "@/lib/i18n/client";
import { ChartFrame } from "./chart-frame";
import { LazyFunnel } from "./lazy";

/** A funnel of steps (link clicks → requests → subscribers → sent), each with its share of the first step in the table. */
export function FunnelChart({ label, steps, testId }: { label: string; steps: { label: string; value: number }[]; testId?: string }) {
  const { t } = useI18n();
  const first = steps[0]?.value ?? 0;
  const rows = steps.map((s) => ({ label: s.label, values: { value: s.value, share: first > 0 ? s.value / first : null } }));
  return (
    <ChartFrame
      label={label}
      rowHeader={t("reports.chart.step")}
      series={[
        { key: "value", label: t("reports.chart.count") },
        { key: "share", label: t("reports.chart.shareOfFirst"), format: "percent" },
      ]}
      rows={rows}
      testId={testId}
    >
      <LazyFunnel rows={rows} valueKey="value" height={Math.max(120, steps.length * 40)} />
    </ChartFrame>
  );
}
