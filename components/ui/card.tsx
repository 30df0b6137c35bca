import type { ReactNode } from "react";
import { cn } from "./cn";
import { SectionTitle } from "./page-header";

/** A white panel with an optional section title (and something beside it, such as a badge or a link). */
export function Card({ title, aside, children, testId, className }: { title?: ReactNode; aside?: ReactNode; children: ReactNode; testId?: string; className?: string }) {
  return (
    <section className={cn("rounded-xl border border-zinc-200 bg-white p-5 shadow-xs", className)} data-testid={testId}>
      {title !== undefined && <SectionTitle aside={aside}>{title}</SectionTitle>}
      {children}
    </section>
  );
}

/**
 * One figure with its label. `inset` sits inside a Card (channel health); `tile` stands on its own in a
 * grid of figures (a campaign's funnel).
 */
export function Stat({
  label,
  children,
  variant = "inset",
  testId,
  valueTestId,
}: {
  label: ReactNode;
  children: ReactNode;
  variant?: "inset" | "tile";
  testId?: string;
  valueTestId?: string;
}) {
  if (variant === "tile") {
    return (
      <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs" data-testid={testId}>
        <div className="text-[13px] text-zinc-500">{label}</div>
        <div className="mt-1 text-2xl font-semibold tabular-nums text-zinc-900" data-testid={valueTestId}>
          {children}
        </div>
      </div>
    );
  }
  return (
    <div className="rounded-lg bg-zinc-50 px-3 py-2.5" data-testid={testId}>
      <div className="text-xs text-zinc-500">{label}</div>
      <div className="mt-0.5 text-sm font-semibold text-zinc-900" data-testid={valueTestId}>
        {children}
      </div>
    </div>
  );
}
