"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLOURS, type ChartRow, type ChartSeries } from "./types";
import { useValueFormat } from "./use-value-format";

export type SeriesKind = "line" | "area" | "bar" | "stacked";

/**
 * Recharts' drawing of rows by series (lines, areas or bars). Loaded on its own (lazy.tsx), so Recharts
 * (about 100 KB of gzipped JavaScript) is fetched after the page, never in its first load. The accessibility
 * layer is off: the frame's table view is the keyboard's and the screen reader's way in.
 */
export default function DrawSeries({ kind, series, rows, height }: { kind: SeriesKind; series: ChartSeries[]; rows: ChartRow[]; height: number }) {
  const value = useValueFormat();
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const formatOf = new Map(series.map((s) => [s.key, s.format]));
  const axisFormat = series[0]?.format;
  // One row draws no line or area, only its point: dots keep a single day visible.
  const common = { data, accessibilityLayer: false, margin: { top: 8, right: 8, bottom: 0, left: 0 } };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e7" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={{ stroke: "#e4e4e7" }} minTickGap={12} />
      <YAxis tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={false} width={axisFormat === "duration" ? 64 : 40} allowDecimals={axisFormat !== "number" && axisFormat !== undefined} tickFormatter={(v: number) => value(v, axisFormat)} />
      <Tooltip formatter={(v, _name, item) => value(typeof v === "number" ? v : null, formatOf.get(String(item.dataKey)))} />
      {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={height}>
      {kind === "line" ? (
        <LineChart {...common}>
          {axes}
          {series.map((s, i) => (
            <Line key={s.key} dataKey={s.key} name={s.label} type="monotone" stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} strokeWidth={2} dot={rows.length <= 31} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      ) : kind === "area" ? (
        <AreaChart {...common}>
          {axes}
          {series.map((s, i) => (
            <Area key={s.key} dataKey={s.key} name={s.label} type="monotone" stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} fillOpacity={0.15} strokeWidth={2} dot={rows.length === 1} isAnimationActive={false} />
          ))}
        </AreaChart>
      ) : (
        <BarChart {...common}>
          {axes}
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} radius={kind === "stacked" ? 0 : [3, 3, 0, 0]} stackId={kind === "stacked" ? "stack" : undefined} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
