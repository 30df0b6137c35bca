import { Cron } from "croner";
import { CronError } from "../workflow-errors";

/**
 * Inngest's cron triggers, computed by croner: five fields (minute hour day-of-month month day-of-week)
 * with `*`, `?`, numbers, lists, ranges and steps (`*\/15`, `1-5`, `0,30`, `5/15`), month and weekday names,
 * the `@hourly`-style shortcuts, and an optional `TZ=<IANA zone> ` (or `CRON_TZ=`) prefix; UTC without one.
 * When both day fields are restricted either may match (cron's rule, as Inngest's Go parser does).
 *
 * Croner also understands Quartz-style extensions (`L`, `W`, `#`, a `+` weekday prefix, seconds and years);
 * Inngest does not, so they are refused here: a function that syncs with the built-in executor must sync with
 * Inngest too.
 *
 * Daylight-saving changes follow croner (Vixie cron's rule): a fixed time that falls in a skipped hour fires
 * at the first valid time after the gap, and a fixed time that occurs twice fires once, at the first occurrence.
 */
export interface CronSchedule {
  readonly source: string;
  /** The IANA time zone the fields are read in. */
  readonly timeZone: string;
  readonly cron: Cron;
}

const SHORTCUTS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);
const NAMES = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat)\b/gi;
/** What a field may hold once month and weekday names are removed. */
const PLAIN_FIELD = /^[0-9*?,/-]+$/;
/** Each field's name and bounds, for an error that names the value as written. */
const FIELDS = [
  ["minute", 0, 59],
  ["hour", 0, 23],
  ["day of month", 1, 31],
  ["month", 1, 12],
  ["day of week", 0, 7],
] as const;

export function parseCron(source: string): CronSchedule {
  let text = source.trim();
  let timeZone = "UTC";
  const tz = /^(?:CRON_)?TZ=(\S+)\s+/.exec(text);
  if (tz) {
    timeZone = tz[1]!;
    if (!isTimeZone(timeZone)) throw new CronError(`Unknown time zone "${timeZone}" (use an IANA name such as Europe/Paris)`, source);
    text = text.slice(tz[0].length);
  }
  if (text.startsWith("@")) {
    if (!SHORTCUTS.has(text.toLowerCase())) throw new CronError(`Unknown shortcut "${text}"`, source);
    // croner knows every shortcut above except @midnight, which is @daily.
    text = text.toLowerCase() === "@midnight" ? "@daily" : text.toLowerCase();
  } else {
    const fields = text.split(/\s+/);
    if (fields.length !== 5) throw new CronError(`Expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`, source);
    fields.forEach((field, index) => {
      if (!PLAIN_FIELD.test(field.replace(NAMES, "0"))) throw new CronError(`Unsupported field "${field}"`, source);
      const [name, min, max] = FIELDS[index]!;
      // Values start the field or follow "," or "-"; numbers after "/" are steps.
      for (const [, , value] of field.matchAll(/(^|[,-])(\d+)/g)) {
        if (Number(value) < min || Number(value) > max) throw new CronError(`The ${name} ${value} is outside ${min}-${max}`, source);
      }
    });
  }
  try {
    const cron = new Cron(text, { timezone: timeZone, mode: "5-part", domAndDow: false, sloppyRanges: true });
    return { source, timeZone, cron };
  } catch (error) {
    throw new CronError(String((error as Error).message).replace(/^CronPattern: /, ""), source);
  }
}

/** The first fire time strictly after `after` (minute precision). */
export function nextCronTime(schedule: CronSchedule, after: Date): Date {
  const next = schedule.cron.nextRun(after);
  if (!next) throw new CronError("No fire time found", schedule.source);
  return next;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
