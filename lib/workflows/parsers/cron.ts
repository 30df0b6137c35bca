import { CronError } from "../workflow-errors";

/**
 * A five-field cron (minute hour day-of-month month day-of-week), evaluated in UTC. Fields accept `*`,
 * numbers, lists, ranges and steps (`*\/15`, `1-5`, `0,30`), month and weekday names, and the
 * `@hourly`-style shortcuts. `TZ=UTC ` is accepted; other time zones are refused at sync.
 */
export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  /** Cron's rule: when both day fields are restricted, either may match. */
  dayOr: boolean;
}

const SHORTCUTS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

export function parseCron(source: string): CronSchedule {
  let text = source.trim();
  const tz = /^(?:CRON_)?TZ=(\S+)\s+/.exec(text);
  if (tz) {
    if (tz[1] !== "UTC" && tz[1] !== "Etc/UTC") throw new CronError(`Time zone ${tz[1]} is not supported (UTC only)`, source);
    text = text.slice(tz[0].length);
  }
  text = SHORTCUTS[text] ?? text;
  const fields = text.split(/\s+/);
  if (fields.length !== 5) throw new CronError("Expected 5 fields", source);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  const daysOfWeek = parseField(dayOfWeek, 0, 7, source, DAYS);
  if (daysOfWeek.has(7)) daysOfWeek.add(0);
  daysOfWeek.delete(7);
  return {
    minutes: parseField(minute, 0, 59, source),
    hours: parseField(hour, 0, 23, source),
    daysOfMonth: parseField(dayOfMonth, 1, 31, source),
    months: parseField(month, 1, 12, source, MONTHS, 1),
    daysOfWeek,
    dayOr: dayOfMonth !== "*" && dayOfWeek !== "*",
  };
}

function parseField(field: string, min: number, max: number, source: string, names?: string[], nameOffset = 0): Set<number> {
  const values = new Set<number>();
  const toNumber = (part: string): number => {
    const named = names?.indexOf(part.toLowerCase()) ?? -1;
    const value = named >= 0 ? named + nameOffset : /^\d+$/.test(part) ? Number(part) : NaN;
    if (!Number.isInteger(value) || value < min || value > max) throw new CronError(`Bad value "${part}"`, source);
    return value;
  };
  for (const item of field.split(",")) {
    const [range, stepText] = item.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`Bad step "${item}"`, source);
    let from: number;
    let to: number;
    if (range === "*" || range === "?") [from, to] = [min, max];
    else if (range!.includes("-")) {
      const [a, b] = range!.split("-");
      [from, to] = [toNumber(a!), toNumber(b!)];
    } else {
      from = toNumber(range!);
      to = stepText === undefined ? from : max;
    }
    if (from > to) throw new CronError(`Bad range "${item}"`, source);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** The first fire time strictly after `after` (UTC, minute precision). */
export function nextCronTime(schedule: CronSchedule, after: Date): Date {
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  // Jumps a whole month/day/hour when that unit cannot match, so even rare schedules take few iterations.
  for (let guard = 0; guard < 100_000; guard++) {
    if (!schedule.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(schedule, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!schedule.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!schedule.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    return t;
  }
  throw new CronError("No fire time found", "schedule");
}

function dayMatches(schedule: CronSchedule, t: Date): boolean {
  const dom = schedule.daysOfMonth.has(t.getUTCDate());
  const dow = schedule.daysOfWeek.has(t.getUTCDay());
  return schedule.dayOr ? dom || dow : dom && dow;
}
