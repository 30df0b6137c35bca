import { cn } from "./cn";

const palette = ["bg-sky-100 text-sky-700", "bg-violet-100 text-violet-700", "bg-emerald-100 text-emerald-700", "bg-amber-100 text-amber-800", "bg-rose-100 text-rose-700", "bg-teal-100 text-teal-700"];

/**
 * Colours that can be chosen by name (an organisation's colour, ORG_COLORS in lib/services/organizations/
 * schemas.ts, names these). Solid, so a chosen colour is told apart from the pale automatic ones.
 */
const named: Record<string, string> = {
  sky: "bg-sky-700 text-white",
  violet: "bg-violet-600 text-white",
  emerald: "bg-emerald-700 text-white",
  amber: "bg-amber-700 text-white",
  rose: "bg-rose-700 text-white",
  teal: "bg-teal-700 text-white",
  indigo: "bg-indigo-600 text-white",
  slate: "bg-slate-700 text-white",
};

export function initials(text: string): string {
  const words = text.trim().split(/[\s@._-]+/).filter(Boolean);
  if (words.length === 0) return "?";
  const [first] = Array.from(words[0]);
  // One CJK character reads better alone; Latin names get two initials.
  if (/[\u3400-\u9fff]/.test(first)) return first;
  return (first + (words[1] ? Array.from(words[1])[0] : "")).toUpperCase();
}

/** Initials on a colour: the named `color` when given, else one derived from the label. */
export function Avatar({ label, color, className }: { label: string; color?: string | null; className?: string }) {
  const hash = Array.from(label).reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const tone = (color && named[color]) || palette[hash % palette.length];
  return (
    <span aria-hidden="true" className={cn("inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold", tone, className)}>
      {initials(label)}
    </span>
  );
}
