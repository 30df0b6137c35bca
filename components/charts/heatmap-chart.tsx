"use client";

import { useI18n } from "@/lib/i18n/client";
import { ChartFrame } from "./chart-frame";
import { useValueFormat } from "./use-value-format";

/**
 * A grid of counts (weekday by hour): plain HTML, as Recharts has no heat map and a grid of cells needs no
 * library. The shade is the count's share of the largest cell; each cell's title says its figure.
 */
export function HeatmapChart({
  label,
  rowLabels,
  columnLabels,
  cells,
  rowHeader,
  testId,
}: {
  label: string;
  rowLabels: string[];
  columnLabels: string[];
  cells: number[][];
  rowHeader: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const value = useValueFormat();
  const max = Math.max(1, ...cells.flat());
  const series = columnLabels.map((c, i) => ({ key: String(i), label: c }));
  const rows = rowLabels.map((r, ri) => ({ label: r, values: Object.fromEntries((cells[ri] ?? []).map((v, ci) => [String(ci), v])) }));
  return (
    <ChartFrame label={label} rowHeader={rowHeader} series={series} rows={rows} testId={testId}>
      {/* No sideways scroll: 24 narrow cells fit a phone, and a scrolling box here would need focus inside an image. */}
      <div>
        <div className="grid gap-px" style={{ gridTemplateColumns: `4rem repeat(${columnLabels.length}, minmax(0, 1fr))` }}>
          <span />
          {columnLabels.map((c, i) => (
            <span key={c} className="text-center text-[10px] text-zinc-500">
              {i % 6 === 0 ? c : ""}
            </span>
          ))}
          {rowLabels.map((r, ri) => (
            <div key={r} className="contents">
              <span className="pr-2 text-right text-[11px] leading-5 text-zinc-600">{r}</span>
              {columnLabels.map((c, ci) => {
                const count = cells[ri]?.[ci] ?? 0;
                return (
                  <span
                    key={c}
                    title={t("reports.chart.heatCell", { row: r, column: c, count: value(count) })}
                    className="h-5 rounded-[3px]"
                    style={{ backgroundColor: count === 0 ? "#f4f4f5" : `oklch(0.53 0.22 270 / ${0.12 + 0.88 * (count / max)})` }}
                  />
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </ChartFrame>
  );
}
