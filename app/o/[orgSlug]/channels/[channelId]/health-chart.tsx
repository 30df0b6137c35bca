"use client";

import { useFormat, useI18n } from "@/lib/i18n/client";

const HOUR = 3_600_000;

/** Events per hour over the last 24 hours as plain SVG bars (oldest left). `now` anchors the window. */
export function HealthChart({ hourly, now }: { hourly: { hour: string; events: number }[]; now: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const counts = new Map<number, number>();
  for (const h of hourly) counts.set(Math.floor(new Date(h.hour).getTime() / HOUR), h.events);
  const current = Math.floor(now / HOUR);
  const bars = Array.from({ length: 24 }, (_, i) => {
    const slot = current - 23 + i;
    return { slot, events: counts.get(slot) ?? 0 };
  });
  const max = Math.max(1, ...bars.map((b) => b.events));
  const width = 24 * 12;
  const height = 64;
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-20 w-full" preserveAspectRatio="none" role="img" aria-label={t("channels.health.chart")} data-testid="events-chart">
        <line x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} className="stroke-zinc-200" strokeWidth={1} />
        {bars.map((b, i) => {
          const h = b.events === 0 ? 0 : Math.max(2, (b.events / max) * (height - 4));
          return (
            <rect key={b.slot} x={i * 12 + 2} y={height - h} width={8} height={h} rx={1.5} className="fill-accent-500" data-events={b.events}>
              <title suppressHydrationWarning>{t("channels.health.chartBar", { hour: format.time(b.slot * HOUR), count: b.events })}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex justify-between text-[11px] text-zinc-500">
        <span suppressHydrationWarning>{format.relative(now - 24 * HOUR, now)}</span>
        <span>{t("channels.health.chart")}</span>
        <span>{format.relative(now, now)}</span>
      </figcaption>
    </figure>
  );
}
