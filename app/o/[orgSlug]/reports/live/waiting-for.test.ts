import { describe, expect, it } from "vitest";
import { waitingFor } from "./waiting-for";

describe("waitingFor", () => {
  const since = "2026-12-01T09:00:00Z";
  const at = (iso: string) => Date.parse(iso);
  it("ticks in seconds under an hour, then hours, then days", () => {
    expect(waitingFor(since, at("2026-12-01T09:00:00Z"))).toBe("0:00");
    expect(waitingFor(since, at("2026-12-01T09:04:05.900Z"))).toBe("4:05");
    expect(waitingFor(since, at("2026-12-01T09:59:59Z"))).toBe("59:59");
    expect(waitingFor(since, at("2026-12-01T10:02:09Z"))).toBe("1:02:09");
    expect(waitingFor(since, at("2026-12-03T12:00:00Z"))).toBe("2d 3:00:00");
  });
  it("never counts backwards when the browser's clock is behind the server's", () => {
    expect(waitingFor(since, at("2026-12-01T08:59:58Z"))).toBe("0:00");
  });
});
