"use client";

import { ChartFrame } from "./chart-frame";
import { LazySeries } from "./lazy";
import type { SeriesKind } from "./draw-series";
import type { ChartRow, ChartSeries } from "./types";

/** Lines, areas or bars over rows (days, hours, agents), with the table view. */
export function SeriesChart({
  kind,
  label,
  rowHeader,
  series,
  rows,
  height = 220,
  testId,
}: {
  kind: SeriesKind;
  label: string;
  rowHeader: string;
  series: ChartSeries[];
  rows: ChartRow[];
  height?: number;
  testId?: string;
}) {
  return (
    <ChartFrame label={label} rowHeader={rowHeader} series={series} rows={rows} testId={testId}>
      <LazySeries kind={kind} series={series} rows={rows} height={height} />
    </ChartFrame>
  );
}
