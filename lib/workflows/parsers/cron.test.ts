import { describe, expect, it } from "vitest";
import { nextCronTime, parseCron } from "./cron";
import { CronError } from "../workflow-errors";

const next = (cron: string, after: string) => nextCronTime(parseCron(cron), new Date(after)).toISOString();

describe("cron", () => {
  it.each([
    ["* * * * *", "2026-01-01T10:00:30Z", "2026-01-01T10:01:00.000Z"],
    ["*/15 * * * *", "2026-01-01T10:01:00Z", "2026-01-01T10:15:00.000Z"],
    ["0 3 * * *", "2026-01-01T03:00:00Z", "2026-01-02T03:00:00.000Z"],
    ["30 9 * * 1-5", "2026-01-02T10:00:00Z", "2026-01-05T09:30:00.000Z"],
    ["0 0 1 * *", "2026-01-15T00:00:00Z", "2026-02-01T00:00:00.000Z"],
    ["0 12 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T12:00:00.000Z"],
    ["0 0 * jan,jul sun", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00.000Z"],
    ["0 0 13 * 5", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00.000Z"],
    ["@hourly", "2026-01-01T10:59:59Z", "2026-01-01T11:00:00.000Z"],
    ["TZ=UTC 5 4 * * *", "2026-01-01T00:00:00Z", "2026-01-01T04:05:00.000Z"],
    ["0 0 * * 7", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00.000Z"],
  ])("%s after %s is %s", (cron, after, expected) => {
    expect(next(cron, after)).toBe(expected);
  });

  it.each(["* * * *", "61 * * * *", "* * * * * *", "TZ=Europe/Paris 0 9 * * *", "*/0 * * * *", "5-1 * * * *"])("refuses %s", (cron) => {
    expect(() => parseCron(cron)).toThrow(CronError);
  });
});
