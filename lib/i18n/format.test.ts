import { describe, expect, it } from "vitest";
import { formatBytes, formatDate, formatDateTime, formatDuration, formatRelative, formatTime } from "./format";

const instant = "2026-12-01T13:05:00Z";

describe("one format per locale", () => {
  it("writes dates and times day-first on a 24-hour clock in English, the Chinese way in Chinese", () => {
    expect(formatDateTime(instant, "en", { timeZone: "UTC" })).toBe("1 Dec 2026, 13:05");
    expect(formatDateTime(instant, "zh-CN", { timeZone: "UTC" })).toBe("2026年12月1日 13:05");
    expect(formatDate(instant, "en", { timeZone: "UTC" })).toBe("1 Dec 2026");
    expect(formatDate(instant, "zh-CN", { timeZone: "UTC" })).toBe("2026年12月1日");
    expect(formatTime("2026-12-01T09:05:00Z", "en", { timeZone: "UTC" })).toBe("09:05");
    expect(formatTime("2026-12-01T09:05:00Z", "zh-CN", { timeZone: "UTC" })).toBe("09:05");
  });

  it("shows an instant in the time zone it is given", () => {
    expect(formatDateTime(instant, "en", { timeZone: "Asia/Shanghai" })).toBe("1 Dec 2026, 21:05");
    expect(formatDateTime(instant, "zh-CN", { timeZone: "Asia/Shanghai" })).toBe("2026年12月1日 21:05");
  });

  it("translates durations, in at most two units", () => {
    expect(formatDuration(850, "en")).toBe("850 ms");
    expect(formatDuration(850, "zh-CN")).toBe("850毫秒");
    expect(formatDuration(4200, "en")).toBe("4.2 secs");
    expect(formatDuration(125_000, "en")).toBe("2 mins 5 secs");
    expect(formatDuration(125_000, "zh-CN")).toBe("2分钟5秒");
    expect(formatDuration(120_000, "zh-CN")).toBe("2分钟");
    expect(formatDuration(3 * 3_600_000 + 600_000, "zh-CN")).toBe("3小时10分钟");
    expect(formatDuration(50 * 3_600_000, "en")).toBe("2 days 2 hrs");
    expect(formatDuration(null, "en")).toBe("—");
    expect(formatDuration(-5, "zh-CN")).toBe("—");
  });

  it("says how long ago in the reader's language", () => {
    const now = Date.parse(instant);
    expect(formatRelative(now - 180_000, "en", now)).toBe("3 minutes ago");
    expect(formatRelative(now - 180_000, "zh-CN", now)).toBe("3分钟前");
    expect(formatRelative(now + 2 * 3_600_000, "zh-CN", now)).toBe("2小时后");
  });

  it("sizes bytes", () => {
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(1536, "zh-CN")).toBe("1.5 kB");
  });
});
