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
    ["5/20 * * * ?", "2026-01-01T10:06:00Z", "2026-01-01T10:25:00.000Z"],
    ["@midnight", "2026-01-01T10:00:00Z", "2026-01-02T00:00:00.000Z"],
    ["CRON_TZ=Etc/UTC 0 0 * * *", "2026-01-01T10:00:00Z", "2026-01-02T00:00:00.000Z"],
  ])("%s after %s is %s", (cron, after, expected) => {
    expect(next(cron, after)).toBe(expected);
  });

  describe("in a time zone", () => {
    it.each([
      // 09:00 in Shanghai (UTC+8, no daylight saving) is 01:00 UTC.
      ["TZ=Asia/Shanghai 0 9 * * *", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00.000Z"],
      ["TZ=Asia/Shanghai 0 9 * * *", "2026-01-01T01:00:00Z", "2026-01-02T01:00:00.000Z"],
      // New York springs forward on 8 March 2026: 09:00 is 14:00 UTC the day before and 13:00 UTC that day.
      ["TZ=America/New_York 0 9 * * *", "2026-03-06T15:00:00Z", "2026-03-07T14:00:00.000Z"],
      ["TZ=America/New_York 0 9 * * *", "2026-03-07T14:00:00Z", "2026-03-08T13:00:00.000Z"],
      // 02:30 does not exist that day: it fires at 03:00 EDT, once, then at 02:30 EDT the next day.
      ["TZ=America/New_York 30 2 * * *", "2026-03-08T05:00:00Z", "2026-03-08T07:00:00.000Z"],
      ["TZ=America/New_York 30 2 * * *", "2026-03-08T07:00:00Z", "2026-03-09T06:30:00.000Z"],
      // It falls back on 1 November 2026: 01:30 happens twice and fires once, at the first (EDT) one.
      ["TZ=America/New_York 30 1 * * *", "2026-11-01T04:00:00Z", "2026-11-01T05:30:00.000Z"],
      ["TZ=America/New_York 30 1 * * *", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00.000Z"],
      ["TZ=Europe/Paris 0 9 * * 1-5", "2026-01-02T08:00:00Z", "2026-01-05T08:00:00.000Z"],
    ])("%s after %s is %s", (cron, after, expected) => {
      expect(next(cron, after)).toBe(expected);
    });
  });

  it.each([
    ["* * * *", "Expected 5 fields"],
    ["61 * * * *", "The minute 61 is outside 0-59"],
    ["* * 32 * *", "The day of month 32 is outside 1-31"],
    ["* * * * * *", "Expected 5 fields"],
    ["*/0 * * * *", "stepping"],
    ["5-1 * * * *", "larger"],
    ["TZ=Mars/Olympus 0 9 * * *", 'Unknown time zone "Mars/Olympus"'],
    ["0 0 L * *", 'Unsupported field "L"'],
    ["0 0 * * 5#2", 'Unsupported field "5#2"'],
    ["0 0 15W * *", 'Unsupported field "15W"'],
    ["@reboot", 'Unknown shortcut "@reboot"'],
  ])("refuses %s", (cron, message) => {
    expect(() => parseCron(cron)).toThrow(CronError);
    expect(() => parseCron(cron)).toThrow(message);
  });
});
