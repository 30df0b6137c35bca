import { describe, expect, it } from "vitest";
import { isWithinWorkingHours, wallClock } from "./working-hours";

const weekdays = (start: string, end: string) => Object.fromEntries(["1", "2", "3", "4", "5"].map((d) => [d, [{ start, end }]]));

describe("working hours", () => {
  it("is always within when working hours are off", () => {
    expect(isWithinWorkingHours({ workingHoursEnabled: false, timeZone: "UTC", workingHours: {} }, new Date("2026-01-04T03:00:00Z"))).toBe(true);
  });

  it("reads the wall clock of the group's time zone, start inclusive and end exclusive", () => {
    const shanghai = { workingHoursEnabled: true, timeZone: "Asia/Shanghai", workingHours: weekdays("09:00", "18:00") };
    // Monday 2026-03-02 09:00 in Shanghai is 01:00 UTC.
    expect(isWithinWorkingHours(shanghai, new Date("2026-03-02T01:00:00Z"))).toBe(true);
    expect(isWithinWorkingHours(shanghai, new Date("2026-03-02T00:59:00Z"))).toBe(false);
    expect(isWithinWorkingHours(shanghai, new Date("2026-03-02T09:59:00Z"))).toBe(true);
    expect(isWithinWorkingHours(shanghai, new Date("2026-03-02T10:00:00Z"))).toBe(false);
    // Saturday in Shanghai (Friday 20:00 UTC is Saturday 04:00 there; Saturday has no hours).
    expect(isWithinWorkingHours(shanghai, new Date("2026-03-06T20:00:00Z"))).toBe(false);
  });

  it("follows daylight saving: 09:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer", () => {
    const newYork = { workingHoursEnabled: true, timeZone: "America/New_York", workingHours: weekdays("09:00", "17:00") };
    // Friday 2026-03-06 (EST, UTC-5) and Monday 2026-03-09 (EDT, UTC-4, the clocks moved on Sunday the 8th).
    expect(isWithinWorkingHours(newYork, new Date("2026-03-06T13:30:00Z"))).toBe(false);
    expect(isWithinWorkingHours(newYork, new Date("2026-03-06T14:00:00Z"))).toBe(true);
    expect(isWithinWorkingHours(newYork, new Date("2026-03-09T13:00:00Z"))).toBe(true);
    expect(isWithinWorkingHours(newYork, new Date("2026-03-09T21:00:00Z"))).toBe(false);
    expect(wallClock(new Date("2026-03-08T07:30:00Z"), "America/New_York")).toEqual({ weekday: 0, minute: 3 * 60 + 30 });
  });

  it("runs an overnight range past midnight into the next day, and not into the day before", () => {
    const nights = { workingHoursEnabled: true, timeZone: "Europe/Berlin", workingHours: { "5": [{ start: "22:00", end: "06:00" }] } };
    // Friday 2026-01-09 22:30 Berlin (UTC+1) = 21:30 UTC; Saturday 05:59 = 04:59 UTC; Saturday 06:00 = 05:00 UTC.
    expect(isWithinWorkingHours(nights, new Date("2026-01-09T21:30:00Z"))).toBe(true);
    expect(isWithinWorkingHours(nights, new Date("2026-01-10T04:59:00Z"))).toBe(true);
    expect(isWithinWorkingHours(nights, new Date("2026-01-10T05:00:00Z"))).toBe(false);
    // Friday 05:00 is before Friday's range and Thursday has none.
    expect(isWithinWorkingHours(nights, new Date("2026-01-09T04:00:00Z"))).toBe(false);
  });

  it("takes several ranges a day and 24:00 as the end of the day", () => {
    const split = { workingHoursEnabled: true, timeZone: "UTC", workingHours: { "3": [{ start: "08:00", end: "12:00" }, { start: "13:00", end: "24:00" }] } };
    expect(isWithinWorkingHours(split, new Date("2026-01-07T12:30:00Z"))).toBe(false);
    expect(isWithinWorkingHours(split, new Date("2026-01-07T23:59:00Z"))).toBe(true);
    expect(isWithinWorkingHours(split, new Date("2026-01-08T00:00:00Z"))).toBe(false);
  });
});
