import type { Locale } from "./locales";

/**
 * Dates, times, durations and numbers for the reader's language: the one place the app formats them, so every
 * screen shows one format per locale. Browser-safe (no imports beyond the locale type).
 *
 * English uses the en-GB conventions (1 Dec 2026, 21:05: day before month, 24-hour clock), matching the
 * catalog's British spelling; Chinese uses zh-CN (2026年12月1日 21:05).
 *
 * Time zone: pass `timeZone` (an IANA name such as the organisation's) to pin one; without it the runtime's
 * zone applies, which is the reader's in the browser. Server-rendered output is therefore re-rendered in the
 * browser (components/ui/time.tsx suppresses that hydration warning); give a zone where that must not happen.
 */

const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", "zh-CN": "zh-CN" };

export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale] ?? "en-GB";
}

export interface ZoneOption {
  timeZone?: string;
}

type DateInput = Date | string | number;

const toDate = (value: DateInput) => (value instanceof Date ? value : new Date(value));

/** "1 Dec 2026, 21:05" / "2026年12月1日 21:05"; `seconds` adds them (for logs where order within a minute matters). */
export function formatDateTime(value: DateInput, locale: Locale, options: ZoneOption & { seconds?: boolean } = {}): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: options.seconds ? "medium" : "short", timeZone: options.timeZone }).format(toDate(value));
}

/** "1 Dec 2026" / "2026年12月1日". */
export function formatDate(value: DateInput, locale: Locale, options: ZoneOption = {}): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: options.timeZone }).format(toDate(value));
}

/** "1 Dec" / "12月1日": a chart's axis, where the year is plain from context. */
export function formatDayMonth(value: DateInput, locale: Locale, options: ZoneOption = {}): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", timeZone: options.timeZone }).format(toDate(value));
}

/** "21:05" in both languages (24-hour clock). */
export function formatTime(value: DateInput, locale: Locale, options: ZoneOption = {}): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: options.timeZone }).format(toDate(value));
}

/** "3 minutes ago" / "3分钟前", "in 2 hours" / "2小时后", in the largest unit that fits. */
export function formatRelative(value: DateInput, locale: Locale, now: DateInput = Date.now()): string {
  const seconds = Math.round((toDate(value).getTime() - toDate(now).getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "auto" });
  if (abs < 60) return rtf.format(seconds, "second");
  if (abs < 3600) return rtf.format(Math.trunc(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.trunc(seconds / 3600), "hour");
  return rtf.format(Math.trunc(seconds / 86_400), "day");
}

type Unit = "millisecond" | "second" | "minute" | "hour" | "day";

function unit(n: number, u: Unit, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "unit", unit: u, unitDisplay: "short", maximumFractionDigits: fractionDigits }).format(n);
}

/** Chinese runs the parts together (2分钟5秒); English separates them (2 min 5 sec). */
const joinParts = (parts: string[], locale: Locale) => parts.join(locale === "zh-CN" ? "" : " ");

/**
 * A length of time in at most two units: "850 ms", "4.2 secs", "2 mins 5 secs", "3 hrs 10 mins", "2 days 4 hrs"
 * (850毫秒, 2分钟5秒, 3小时10分钟 in Chinese). Null or negative reads "—" (not finished, or clocks disagree).
 */
export function formatDuration(ms: number | null, locale: Locale): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return unit(Math.round(ms), "millisecond", locale);
  const s = ms / 1000;
  if (s < 60) return unit(s, "second", locale, s < 10 ? 1 : 0);
  const totalSeconds = Math.round(s);
  const m = Math.floor(totalSeconds / 60);
  const sec = totalSeconds % 60;
  if (m < 60) return joinParts(sec ? [unit(m, "minute", locale), unit(sec, "second", locale)] : [unit(m, "minute", locale)], locale);
  const h = Math.floor(m / 60);
  if (h < 48) return joinParts(m % 60 ? [unit(h, "hour", locale), unit(m % 60, "minute", locale)] : [unit(h, "hour", locale)], locale);
  const d = Math.floor(h / 24);
  return joinParts(h % 24 ? [unit(d, "day", locale), unit(h % 24, "hour", locale)] : [unit(d, "day", locale)], locale);
}

/** A count in the reader's grouping (12,345 / 12,345). */
export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** A byte size: 512 B, 1.5 kB (the symbols read the same in both languages). */
export function formatBytes(n: number, locale: Locale): string {
  if (n < 1024) return `${formatNumber(n, locale)} B`;
  return new Intl.NumberFormat(intlLocale(locale), { style: "unit", unit: "kilobyte", unitDisplay: "short", maximumFractionDigits: n < 10240 ? 1 : 0 }).format(n / 1024);
}
