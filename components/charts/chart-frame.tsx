"use client";

import { useState, type ReactNode } from "react";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { useI18n } from "@/lib/i18n/client";
import type { ChartRow, ChartSeries } from "./types";
import { useValueFormat } from "./use-value-format";

/**
 * A chart with its table view. The drawing is for the eye (tooltips, axes); the table holds the same rows and
 * series for a screen reader, a keyboard or a copy and paste, one toggle away. When printed, the table is
 * printed below the drawing (print.css hides only the toggle).
 */
export function ChartFrame({
  label,
  series,
  rows,
  rowHeader,
  testId,
  children,
  className,
}: {
  /** The chart's accessible name and the table's caption. */
  label: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** The first column's header ("Day", "Hour", "Step"). */
  rowHeader: string;
  testId?: string;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const value = useValueFormat();
  return (
    <figure className={cn("min-w-0", className)} data-testid={testId} data-view={asTable ? "table" : "chart"}>
      <div className="mb-2 flex items-center justify-end gap-2 print:hidden">
        <button
          type="button"
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
          className="rounded-md px-2 py-1 text-xs font-medium text-accent-700 hover:bg-accent-50 focus-visible:outline-2 focus-visible:outline-accent-500"
        >
          {t("reports.chart.tableView")}
          <span className="sr-only">: {label}</span>
        </button>
      </div>
      {asTable ? null : (
        <div role="img" aria-label={label} className="print:break-inside-avoid">
          {children}
        </div>
      )}
      <div className={cn(asTable ? "" : "hidden print:block")}>
        <Table label={label} wide>
          <THead>
            <TH>{rowHeader}</TH>
            {series.map((s) => (
              <TH key={s.key} className="text-right">
                {s.label}
              </TH>
            ))}
          </THead>
          <TBody>
            {rows.map((row) => (
              <TR key={row.label} data-testid="chart-row">
                <TD stack="title">{row.label}</TD>
                {series.map((s) => (
                  <TD key={s.key} label={s.label} className="text-right tabular-nums">
                    {value(row.values[s.key], s.format)}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </figure>
  );
}
