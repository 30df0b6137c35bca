import { describe, expect, it } from "vitest";
import { waitingDuration } from "./waiting-time";

const NOW = Date.parse("2026-12-02T12:00:00Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe("waitingDuration", () => {
  it("words the wait in the largest whole unit, in English and Chinese", () => {
    expect(waitingDuration(ago(10_000), NOW, "en")).toBe("1 min");
    expect(waitingDuration(ago(5 * 60_000), NOW, "en")).toBe("5 min");
    expect(waitingDuration(ago(3 * 3600_000 + 59 * 60_000), NOW, "en")).toBe("3 hr");
    expect(waitingDuration(ago(3 * 86400_000), NOW, "en")).toBe("3 days");
    expect(waitingDuration(ago(5 * 60_000), NOW, "zh-CN")).toBe("5分钟");
    expect(waitingDuration(ago(3 * 86400_000), NOW, "zh-CN")).toBe("3天");
  });

  it("a clock a little behind the server never shows a negative wait", () => {
    expect(waitingDuration(ago(-30_000), NOW, "en")).toBe("1 min");
  });
});
