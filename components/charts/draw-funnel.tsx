"use client";

import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SERIES_COLOURS, type ChartRow } from "./types";
import { useValueFormat } from "./use-value-format";

/**
 * A funnel as horizontal bars, widest step on top: the steps' lengths compare at a glance and each keeps its
 * label and count beside it (a trapezoid funnel hides small steps). Loaded on its own, like draw-series.tsx.
 */
export default function DrawFunnel({ rows, valueKey, height }: { rows: ChartRow[]; valueKey: string; height: number }) {
  const value = useValueFormat();
  const data = rows.map((row) => ({ label: row.label, value: row.values[valueKey] ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 0, right: 48, bottom: 0, left: 0 }}>
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12, fill: "#3f3f46" }} tickLine={false} axisLine={false} />
        <Tooltip formatter={(v) => value(typeof v === "number" ? v : null)} />
        <Bar dataKey="value" radius={[0, 3, 3, 0]} isAnimationActive={false}>
          {data.map((d, i) => (
            <Cell key={d.label} fill={SERIES_COLOURS[0]} fillOpacity={1 - i * 0.1} />
          ))}
          <LabelList dataKey="value" position="right" style={{ fontSize: 12, fill: "#18181b" }} formatter={(v) => value(typeof v === "number" ? v : null)} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
