/**
 * How long a queued conversation has waited, in the reader's language and the largest whole unit
 * ("5 min", "2 hr", "3 days"; "5分钟", "2小时", "3天"). Under a minute counts as one minute.
 */
export function waitingDuration(queuedAt: string, now: number, locale: string): string {
  const minutes = Math.max(1, Math.floor((now - Date.parse(queuedAt)) / 60_000));
  const [value, unit] = minutes < 60 ? [minutes, "minute"] : minutes < 48 * 60 ? [Math.floor(minutes / 60), "hour"] : [Math.floor(minutes / (24 * 60)), "day"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: unit === "day" ? "long" : "short" }).format(value);
}
