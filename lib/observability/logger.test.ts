import { afterEach, describe, expect, it, vi } from "vitest";
import { captureLogOutput, componentLogger, logger } from "./logger";
import { requestIdFrom, runWithRequestContext, setRequestOrg } from "./request-context";
import { metrics } from "./metrics";
import { recordSendApiCall, updateSendRateGauges } from "./send-api-metrics";

afterEach(() => vi.useRealTimers());

function captured(fn: () => void): Record<string, unknown>[] {
  const log = captureLogOutput();
  try {
    fn();
  } finally {
    log.stop();
  }
  return log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the logger", () => {
  it("writes JSON lines with level, time and message, and the request's id and organisation while serving one", () => {
    const lines = captured(() => {
      logger().info("outside");
      runWithRequestContext({ requestId: "req-12345678" }, () => {
        componentLogger("webhook").warn("before the org is known");
        setRequestOrg("org-1");
        componentLogger("webhook").warn("after");
      });
    });
    expect(lines[0]).toEqual({ level: "info", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), msg: "outside" });
    expect(lines[1]).toMatchObject({ level: "warn", component: "webhook", requestId: "req-12345678", msg: "before the org is known" });
    expect(lines[1]).not.toHaveProperty("orgId");
    expect(lines[2]).toMatchObject({ requestId: "req-12345678", orgId: "org-1" });
  });

  it("censors fields named like secrets or contents, and reduces errors to describeError", () => {
    const [line] = captured(() =>
      logger().error({ token: "EAAB-page-token", nested: { accessToken: "EAAB-user", text: "hello there" }, err: Object.assign(new Error("boom"), { code: "23505", parameters: ["SECRET-PARAM"] }) }, "failed"),
    );
    const text = JSON.stringify(line);
    expect(text).not.toMatch(/EAAB|hello there|SECRET-PARAM/);
    expect(line).toMatchObject({ token: "[redacted]", nested: { accessToken: "[redacted]", text: "[redacted]" }, err: "Error, code 23505: boom" });
  });
});

describe("request ids", () => {
  it("keeps a caller's plain id and replaces anything else with a UUID", () => {
    expect(requestIdFrom("3f2a9c1e-trace:01")).toBe("3f2a9c1e-trace:01");
    for (const bad of [null, "", "short", "has space in it", "x".repeat(129), 'quote"injection"here']) expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("Send API calls per second", () => {
  it("reports each Page's calls of the last whole second", async () => {
    vi.useFakeTimers({ now: 1_800_000_000_000, toFake: ["Date"] });
    const page = "1000000000000888";
    const lastSecond = async () => (await metrics().sendApiCallsLastSecond.get()).values.find((v) => v.labels.page_id === page)?.value;
    for (let i = 0; i < 7; i++) recordSendApiCall(page, "sent");
    updateSendRateGauges();
    expect(await lastSecond()).toBe(0); // the current second is not over
    vi.setSystemTime(1_800_000_001_000);
    recordSendApiCall(page, "sent");
    updateSendRateGauges();
    expect(await lastSecond()).toBe(7);
    vi.setSystemTime(1_800_000_005_000);
    updateSendRateGauges();
    expect(await lastSecond()).toBe(0);
  });
});
