import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/*
 * A data table that, below the `sm` breakpoint (640 px, phones), lays each row out as a card: the cell marked
 * `stack="title"` leads it, every other cell shows its `label` beside its value, and cells marked `stack="omit"`
 * stay out (they are in the wide table only). The elements stay a <table>, so a screen reader still hears rows,
 * columns and headers (the header row is kept, visually hidden); the visible labels are drawn by CSS with empty
 * alternative text, so they are not read a second time.
 */

export function Table({ children, className, label, wide = false }: { children: ReactNode; className?: string; label?: string; wide?: boolean }) {
  return (
    // `relative` makes the scrolling box the containing block of positioned cells' content (sr-only labels),
    // which otherwise escapes the box and widens a phone's page. A `wide` table (many figures per row) may
    // scroll sideways on a laptop too: its box takes focus, so the keyboard can scroll it (WCAG 2.1.1).
    <div
      tabIndex={wide ? 0 : undefined}
      role={wide ? "region" : undefined}
      aria-label={wide ? label : undefined}
      className={cn(
        "relative overflow-x-auto rounded-xl border border-zinc-200 bg-white shadow-xs",
        "max-sm:rounded-none max-sm:border-0 max-sm:bg-transparent max-sm:shadow-none",
        className,
      )}
    >
      <table className="w-full border-collapse text-left text-sm max-sm:block" aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="border-b border-zinc-200 bg-zinc-50/80 text-xs font-medium text-zinc-500 max-sm:sr-only">
      <tr>{children}</tr>
    </thead>
  );
}

export function TH({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("px-4 py-2.5 font-medium whitespace-nowrap", className)} {...props} />;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-zinc-100 max-sm:block max-sm:space-y-3 max-sm:divide-y-0">{children}</tbody>;
}

export function TR({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return (
    <tr
      className={cn(
        "transition-colors hover:bg-zinc-50/60",
        "max-sm:flex max-sm:flex-col max-sm:gap-1.5 max-sm:rounded-xl max-sm:border max-sm:border-zinc-200 max-sm:bg-white max-sm:p-3.5 max-sm:shadow-xs",
        className,
      )}
      {...props}
    />
  );
}

/** How a cell shows in a phone's card: leading it, with its label above a long value, at its foot (actions), or not at all. */
export type CellStack = "title" | "wide" | "end" | "omit";

const stackLooks: Record<CellStack | "labelled" | "plain", string> = {
  title: "max-sm:order-first max-sm:block max-sm:text-[15px]",
  wide: "max-sm:block max-sm:before:mb-1 max-sm:before:block",
  end: "max-sm:order-last max-sm:flex max-sm:justify-end max-sm:pt-1",
  omit: "max-sm:hidden",
  labelled: "max-sm:grid max-sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] max-sm:items-baseline max-sm:gap-x-3 max-sm:text-left",
  plain: "max-sm:block",
};

export function TD({
  className,
  label,
  stack,
  ...props
}: TdHTMLAttributes<HTMLTableCellElement> & {
  /** The column's name, shown beside the value when the row is a card (usually the header's text). */
  label?: string;
  stack?: CellStack;
}) {
  const labelled = Boolean(label) && (stack === undefined || stack === "wide");
  return (
    <td
      data-label={labelled ? label : undefined}
      className={cn(
        "px-4 py-3 align-middle text-zinc-700 max-sm:min-w-0 max-sm:p-0",
        stackLooks[stack ?? (labelled ? "labelled" : "plain")],
        labelled && "max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-zinc-500 max-sm:before:content-[attr(data-label)_/_'']",
        className,
      )}
      {...props}
    />
  );
}
