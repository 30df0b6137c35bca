import type { WeeklyHours } from "@/db/schema";

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The weekday (0 Sunday) and minute of the day on the wall clock of `timeZone` at `at` (daylight saving included). */
export function wallClock(at: Date, timeZone: string): { weekday: number; minute: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAYS[parts.weekday!]!, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether `at` falls in the working hours. Ranges are local wall-clock times of their weekday, start
 * inclusive, end exclusive; a range whose end is not after its start runs past midnight into the next day
 * (Fri 22:00–06:00 covers Saturday until 06:00; 00:00–00:00 is the whole day). Off: always within.
 */
export function isWithinWorkingHours(settings: { workingHoursEnabled: boolean; timeZone: string; workingHours: WeeklyHours }, at: Date): boolean {
  if (!settings.workingHoursEnabled) return true;
  const { weekday, minute } = wallClock(at, settings.timeZone);
  const today = settings.workingHours[String(weekday) as keyof WeeklyHours] ?? [];
  const yesterday = settings.workingHours[String((weekday + 6) % 7) as keyof WeeklyHours] ?? [];
  for (const range of today) {
    const start = minutes(range.start);
    const end = minutes(range.end);
    if (end > start ? minute >= start && minute < end : minute >= start) return true;
  }
  for (const range of yesterday) {
    const start = minutes(range.start);
    const end = minutes(range.end);
    if (end <= start && minute < end) return true;
  }
  return false;
}
