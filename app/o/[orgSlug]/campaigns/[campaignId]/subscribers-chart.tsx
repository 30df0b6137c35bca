"use client";

import type { SubscribersOverTime } from "@/lib/services/campaigns";
import { useFormat, useI18n } from "@/lib/i18n/client";

/** Cumulative subscribers per day as a plain SVG line (days are UTC days, as the service buckets them). */
export function SubscribersChart({ points }: { points: SubscribersOverTime["points"] }) {
  const { t } = useI18n();
  const format = useFormat();
  if (points.length === 0) return <p className="text-sm text-zinc-500">{t("campaigns.chart.empty")}</p>;
  const W = 480;
  const H = 160;
  const pad = 28;
  const max = Math.max(1, ...points.map((p) => p.cumulative));
  const x = (i: number) => (points.length === 1 ? W / 2 : pad + (i * (W - 2 * pad)) / (points.length - 1));
  const y = (v: number) => H - pad - (v * (H - 2 * pad)) / max;
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.cumulative).toFixed(1)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-40 w-full" role="img" aria-label={t("campaigns.chart.label")} data-testid="subscribers-chart">
      <line x1={pad} y1={H - pad} x2={W - pad} y2={H - pad} className="stroke-zinc-200" />
      <text x={pad - 6} y={y(max) + 4} textAnchor="end" className="fill-zinc-500 text-[10px]">
        {max}
      </text>
      <path d={path} fill="none" className="stroke-accent-600" strokeWidth={2} />
      {points.map((p, i) => (
        <g key={p.at}>
          <circle cx={x(i)} cy={y(p.cumulative)} r={3} className="fill-accent-600">
            <title>{`${format.date(p.at, { timeZone: "UTC" })}: ${format.number(p.cumulative)} (+${format.number(p.subscribers)})`}</title>
          </circle>
          {(i === 0 || i === points.length - 1) && (
            <text x={x(i)} y={H - 8} textAnchor="middle" className="fill-zinc-500 text-[10px]">
              {format.dayMonth(p.at, { timeZone: "UTC" })}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
