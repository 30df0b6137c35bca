import type { LabelColor } from "@/lib/services/labels/constants";
import { cn } from "@/components/ui/cn";

/** Each label colour's chip (whole class strings, so Tailwind keeps them). */
const CHIP_CLASSES: Record<LabelColor, string> = {
  zinc: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  red: "bg-red-50 text-red-700 ring-red-200",
  orange: "bg-orange-50 text-orange-700 ring-orange-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  teal: "bg-teal-50 text-teal-700 ring-teal-200",
  blue: "bg-blue-50 text-blue-700 ring-blue-200",
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  purple: "bg-purple-50 text-purple-700 ring-purple-200",
  pink: "bg-pink-50 text-pink-700 ring-pink-200",
};

/** The swatch of a colour (the colour picker's dots). */
export const SWATCH_CLASSES: Record<LabelColor, string> = {
  zinc: "bg-zinc-400",
  red: "bg-red-500",
  orange: "bg-orange-500",
  amber: "bg-amber-400",
  green: "bg-emerald-500",
  teal: "bg-teal-500",
  blue: "bg-blue-500",
  indigo: "bg-indigo-500",
  purple: "bg-purple-500",
  pink: "bg-pink-500",
};

export function chipClasses(color: string): string {
  return CHIP_CLASSES[color as LabelColor] ?? CHIP_CLASSES.zinc;
}

/** A label as a small coloured chip (list rows, the picker, settings). */
export function LabelChip({ name, color, className, children }: { name: string; color: string; className?: string; children?: React.ReactNode }) {
  return (
    <span data-testid="label-chip" className={cn("inline-flex max-w-40 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", chipClasses(color), className)}>
      <span className="truncate">{name}</span>
      {children}
    </span>
  );
}
