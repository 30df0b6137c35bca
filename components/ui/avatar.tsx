import { cn } from "./cn";

const palette = ["bg-sky-100 text-sky-700", "bg-violet-100 text-violet-700", "bg-emerald-100 text-emerald-700", "bg-amber-100 text-amber-800", "bg-rose-100 text-rose-700", "bg-teal-100 text-teal-700"];

export function initials(text: string): string {
  const words = text.trim().split(/[\s@._-]+/).filter(Boolean);
  if (words.length === 0) return "?";
  const [first] = Array.from(words[0]);
  // One CJK character reads better alone; Latin names get two initials.
  if (/[\u3400-\u9fff]/.test(first)) return first;
  return (first + (words[1] ? Array.from(words[1])[0] : "")).toUpperCase();
}

export function Avatar({ label, className }: { label: string; className?: string }) {
  const hash = Array.from(label).reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return (
    <span aria-hidden="true" className={cn("inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold", palette[hash % palette.length], className)}>
      {initials(label)}
    </span>
  );
}
