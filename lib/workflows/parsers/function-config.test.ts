import { describe, expect, it } from "vitest";
import { UnsupportedFeatureError } from "../workflow-errors";
import { toFunctionSpec } from "./function-config";

const base = {
  id: "app-fn",
  name: "fn",
  triggers: [{ event: "a/b.c" }],
  steps: { step: { id: "step", name: "step", runtime: { type: "http", url: "http://x/api/inngest?fnId=app-fn&stepId=step" }, retries: { attempts: 2 } } },
};

describe("function configs at sync", () => {
  it("accepts the supported features", () => {
    const spec = toFunctionSpec({
      ...base,
      triggers: [{ event: "a/b.c", expression: "event.data.n > 1" }, { cron: "*/5 * * * *" }, { cron: "TZ=Asia/Shanghai 0 9 * * *" }],
      concurrency: { limit: 1, key: "event.data.pageId" },
      idempotency: "event.data.userId",
      cancel: [{ event: "a/cancel", if: "event.data.id == async.data.id", timeout: "1h" }],
    });
    expect(spec).toMatchObject({ maxAttempts: 3, concurrency: { limit: 1, key: "event.data.pageId" }, idempotency: "event.data.userId" });
    expect(spec.cancel[0]!.timeoutMs).toBe(3_600_000);
    expect(toFunctionSpec({ ...base, concurrency: 3 }).concurrency).toEqual({ limit: 3 });
    expect(toFunctionSpec({ ...base, priority: { run: "event.data.plan == 'paid' ? 120 : 0" } }).priority).toBe("event.data.plan == 'paid' ? 120 : 0");
    expect(toFunctionSpec(base).priority).toBeNull();
  });

  it.each([
    ["rateLimit", { rateLimit: { limit: 1, period: "1m" } }],
    ["throttle", { throttle: { limit: 1, period: "1m" } }],
    ["debounce", { debounce: { period: "1m" } }],
    ["batchEvents", { batchEvents: { maxSize: 10, timeout: "1s" } }],
    ["a priority option other than run", { priority: { run: "1", weight: 2 } }],
    ["a priority expression that does not parse", { priority: { run: "event.data.p >" } }],
    ["singleton", { singleton: { mode: "skip" } }],
    ["timeouts", { timeouts: { finish: "1h" } }],
    ["an unknown option", { somethingNew: true }],
    ["two concurrency limits", { concurrency: [{ limit: 1 }, { limit: 2, key: "event.data.a" }] }],
    ["an account concurrency scope", { concurrency: { limit: 1, scope: "account" } }],
    ["a trigger expression calling an unknown function", { triggers: [{ event: "a/b", expression: "sizeof(event.data) > 1" }] }],
    ["cron jitter", { triggers: [{ cron: "* * * * *", jitter: "10s" }] }],
    ["an unknown cron time zone", { triggers: [{ cron: "TZ=Mars/Olympus 0 9 * * *" }] }],
    ["a connect runtime", { steps: { step: { id: "step", name: "step", runtime: { type: "ws", url: "ws://x" } } } }],
  ])("refuses %s", (_, extra) => {
    expect(() => toFunctionSpec({ ...base, ...extra })).toThrow(UnsupportedFeatureError);
  });
});
