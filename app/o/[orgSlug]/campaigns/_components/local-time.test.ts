import { describe, expect, it } from "vitest";
import { isoToLocal, localToIsoWithOffset, timeZoneLabel } from "./local-time";

describe("the campaign form's time, in the organisation's time zone", () => {
  it("reads typed wall-clock time in the organisation's zone, whatever the browser's", () => {
    expect(localToIsoWithOffset("2030-05-01T09:00", "Asia/Shanghai")).toBe("2030-05-01T09:00:00+08:00");
    expect(new Date(localToIsoWithOffset("2030-05-01T09:00", "Asia/Shanghai")!).toISOString()).toBe("2030-05-01T01:00:00.000Z");
    expect(localToIsoWithOffset("2030-01-15T09:30", "America/New_York")).toBe("2030-01-15T09:30:00-05:00");
    expect(localToIsoWithOffset("2030-07-15T09:30", "America/New_York")).toBe("2030-07-15T09:30:00-04:00");
    expect(localToIsoWithOffset("2030-05-01T09:00", "UTC")).toBe("2030-05-01T09:00:00+00:00");
    expect(localToIsoWithOffset("", "UTC")).toBeNull();
  });

  it("shows a stored instant in the organisation's zone, round-tripping", () => {
    expect(isoToLocal("2030-05-01T01:00:00.000Z", "Asia/Shanghai")).toBe("2030-05-01T09:00");
    expect(isoToLocal("2030-05-01T01:00:00.000Z", "America/Los_Angeles")).toBe("2030-04-30T18:00");
    for (const zone of ["Asia/Kolkata", "Europe/London", "Australia/Adelaide"]) {
      expect(isoToLocal(localToIsoWithOffset("2030-11-03T14:45", zone), zone)).toBe("2030-11-03T14:45");
    }
    expect(timeZoneLabel("Asia/Shanghai")).toBe("Asia/Shanghai, UTC+08:00");
  });
});
