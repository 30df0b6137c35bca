"use client";

import { useFormat, useI18n } from "@/lib/i18n/client";
import { intlLocale } from "@/lib/i18n/format";
import type { ValueFormat } from "./types";

/** One figure as the reader reads it; null (nothing measured) is a dash, as formatDuration writes it, never a zero. */
export function useValueFormat(): (value: number | null | undefined, format?: ValueFormat) => string {
  const format = useFormat();
  const { locale } = useI18n();
  return (value, kind = "number") => {
    if (value === null || value === undefined) return "—";
    if (kind === "duration") return format.duration(value);
    if (kind === "percent") return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 1 }).format(value);
    if (kind === "rating") return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(value);
    return format.number(value);
  };
}
