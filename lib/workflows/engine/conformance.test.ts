import { desc, eq } from "drizzle-orm";
import { NonRetriableError, RetryAfterError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workflowCrons, workflowFunctions, workflowRuns, workflowSyncs } from "@/db/schema/workflows";
import { UnsupportedFeatureError } from "../workflow-errors";
import { registerApp } from "./registry";
import { createTestDatabase } from "@/tests/db";
import type { DatabaseHandle } from "@/db/client";
import { startHarness, type Harness } from "../testing/harness";
import { canonicalJson } from "../protocol/canonical-json";
import { hashSigningKey, sign } from "../protocol/signing";

// Conformance of the built-in executor with Inngest semantics: one small function per feature, on the
// database the suite runs with (PGlite by default, PostgreSQL with DATABASE_URL).
const counters = new Map<string, number>();
/** When each counter was last bumped (this process's clock). */
const ranAt = new Map<string, number>();
const bump = (key: string) => {
  ranAt.set(key, Date.now());
  counters.set(key, (counters.get(key) ?? 0) + 1);
  return counters.get(key)!;
};
const order: string[] = [];
let concurrentNow = 0;
let concurrentMax = 0;

type FailureArgs = { event: { data: { run_id: string; error: { message: string } } }; step: { run: (id: string, fn: () => unknown) => Promise<unknown> } };

let handle: DatabaseHandle;
let h: Harness;
const fid = (id: string) => `conformance-${id}`;

beforeAll(async () => {
  handle = await createTestDatabase();
  h = await startHarness(handle, (inngest) => [
    inngest.createFunction({ id: "three-steps", retries: 0, triggers: [{ event: "test/three.steps" }] }, async ({ step, event }) => {
      const a = await step.run("a", () => event.data.n + 1);
      const b = await step.run("b", () => a * 2);
      const c = await step.run("c", () => ({ total: b + 1 }));
      return c;
    }),
    inngest.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
      const before = await step.run("before", () => Date.now());
      await step.sleep("nap", "1s");
      await step.sleepUntil("until", new Date(before + 1500));
      return step.run("after", () => Date.now() - before);
    }),
    inngest.createFunction({ id: "sender", triggers: [{ event: "test/send" }] }, async ({ step, event }) => {
      await step.sendEvent("emit", { name: "test/received", data: { from: event.data.tag } });
      return "sent";
    }),
    inngest.createFunction({ id: "receiver", triggers: [{ event: "test/received" }] }, async ({ event }) => event.data.from),
    inngest.createFunction({ id: "waiter", triggers: [{ event: "test/wait" }] }, async ({ step }) => {
      const got = await step.waitForEvent("for-approval", { event: "test/approved", timeout: "2s", match: "data.ticket" });
      return got ? got.data.by : null;
    }),
    inngest.createFunction(
      { id: "cancellable", cancelOn: [{ event: "test/cancel", match: "data.key" }], triggers: [{ event: "test/cancellable" }] },
      async ({ step }) => {
        await step.run("first", () => bump("cancellable-first"));
        await step.sleep("long", "1h");
        await step.run("never", () => bump("cancellable-never"));
      },
    ),
    inngest.createFunction({ id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] }, async ({ step }) => {
      return step.run("flaky-step", () => {
        if (bump("flaky") < 3) throw new Error("transient");
        return "ok after retries";
      });
    }),
    inngest.createFunction(
      {
        id: "fatal",
        retries: 3,
        triggers: [{ event: "test/fatal" }],
        onFailure: async ({ event, step }: FailureArgs) => {
          await step.run("note-failure", () => bump(`failure-handled:${event.data.run_id}`));
          return event.data.error.message;
        },
      },
      async ({ step }) => {
        await step.run("boom", () => {
          bump("fatal");
          throw new NonRetriableError("no point retrying");
        });
      },
    ),
    inngest.createFunction({ id: "retry-after", retries: 1, triggers: [{ event: "test/retry-after" }] }, async ({ step }) => {
      return step.run("later", () => {
        const n = bump("retry-after");
        order.push(`retry-after:${n}:${Date.now()}`);
        if (n === 1) throw new RetryAfterError("come back later", 1200);
        return "ok";
      });
    }),
    inngest.createFunction({ id: "exhausted", retries: 1, triggers: [{ event: "test/exhausted" }] }, async ({ step }) => {
      try {
        await step.run("always-fails", () => {
          bump("exhausted");
          throw new Error("always");
        });
      } catch (error) {
        return `caught: ${(error as Error).message}`;
      }
    }),
    inngest.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) => {
      const [x, y] = await Promise.all([step.run("x", () => "x"), step.run("y", () => "y")]);
      return step.run("join", () => x + y);
    }),
    inngest.createFunction(
      { id: "per-page", concurrency: { limit: 1, key: "event.data.pageId" }, triggers: [{ event: "test/per-page" }] },
      async ({ step, event }) => {
        await step.run("exclusive", async () => {
          concurrentNow++;
          concurrentMax = Math.max(concurrentMax, concurrentNow);
          await new Promise((r) => setTimeout(r, 150));
          concurrentNow--;
          return event.data.pageId;
        });
      },
    ),
    inngest.createFunction({ id: "filtered", triggers: [{ event: "test/filtered", if: "event.data.n > 3 && event.data.kind == 'big'" }] }, async ({ event }) => event.data.n),
    inngest.createFunction({ id: "cron", triggers: [{ cron: "0 3 * * *" }] }, async ({ event }) => event.name),
    inngest.createFunction({ id: "idem", idempotency: "event.data.userId", triggers: [{ event: "test/idem" }] }, async ({ event }) => event.data.userId),
    inngest.createFunction({ id: "plain", triggers: [{ event: "test/plain" }] }, async ({ event }) => bump(`plain:${event.data.tag}`)),
  ]);
});

afterAll(async () => {
  await h?.close();
  await handle?.close();
});

describe("built-in executor conformance", () => {
  it("runs step.run steps in order, memoizing each result once", async () => {
    await h.inngest.send({ name: "test/three.steps", data: { n: 1 } });
    const run = await h.waitForRun({ functionId: fid("three-steps") });
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ total: 5 });
    const steps = await h.stepsOf(run.id);
    expect(steps.map((s) => [s.name, s.output])).toEqual([["a", 2], ["b", 4], ["c", { total: 5 }]]);
  });

  it("sleeps with step.sleep and step.sleepUntil", async () => {
    await h.inngest.send({ name: "test/sleep", data: {} });
    const run = await h.waitForRun({ functionId: fid("sleeper") }, 10_000);
    expect(run.status).toBe("completed");
    expect(run.output as number).toBeGreaterThanOrEqual(1500);
    expect((await h.stepsOf(run.id)).map((s) => s.op)).toEqual(["StepRun", "Sleep", "Sleep", "StepRun"]);
  });

  it("step.sendEvent triggers other functions", async () => {
    await h.inngest.send({ name: "test/send", data: { tag: "hello" } });
    const received = await h.waitForRun({ functionId: fid("receiver") });
    expect(received.output).toBe("hello");
  });

  it("step.waitForEvent resumes with the matching event, or null on timeout", async () => {
    await h.inngest.send([
      { name: "test/wait", data: { ticket: "t-1" } },
      { name: "test/wait", data: { ticket: "t-2" } },
    ]);
    // Like Inngest, a wait only sees events sent after it started: wait until both runs wait.
    for (let i = 0; i < 200 && (await h.runsOf(fid("waiter"))).filter((r) => r.status === "waiting").length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await h.inngest.send({ name: "test/approved", data: { ticket: "t-1", by: "alice" } });
    const deadline = Date.now() + 8000;
    let runs = await h.runsOf(fid("waiter"));
    while (runs.some((r) => r.status !== "completed") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      runs = await h.runsOf(fid("waiter"));
    }
    const outputs = runs.map((r) => [(r.event as { data: { ticket: string } }).data.ticket, r.output]).sort();
    expect(outputs).toEqual([["t-1", "alice"], ["t-2", null]]);
  });

  it("cancelOn cancels a sleeping run; nothing after the cancel runs", async () => {
    await h.inngest.send({ name: "test/cancellable", data: { key: "k1" } });
    await h.waitForRun({ functionId: fid("cancellable"), status: ["waiting"] });
    await h.inngest.send({ name: "test/cancel", data: { key: "other" } });
    await h.inngest.send({ name: "test/cancel", data: { key: "k1" } });
    const run = await h.waitForRun({ functionId: fid("cancellable") });
    expect(run.status).toBe("cancelled");
    expect(counters.get("cancellable-never")).toBeUndefined();
  });

  it("retries a failing step with back-off until it succeeds", async () => {
    await h.inngest.send({ name: "test/flaky", data: {} });
    const run = await h.waitForRun({ functionId: fid("flaky") });
    expect(run.status).toBe("completed");
    expect(run.output).toBe("ok after retries");
    const [step] = await h.stepsOf(run.id);
    expect(step!.attempts).toBe(3);
  });

  it("NonRetriableError fails the run at once and triggers onFailure", async () => {
    await h.inngest.send({ name: "test/fatal", data: {} });
    const run = await h.waitForRun({ functionId: fid("fatal") });
    expect(run.status).toBe("failed");
    expect(counters.get("fatal")).toBe(1);
    const failure = await h.waitForRun({ functionId: fid("fatal-failure") });
    expect(failure.status).toBe("completed");
    expect(failure.output).toBe("no point retrying");
    expect(counters.get(`failure-handled:${run.id}`)).toBe(1);
  });

  it("RetryAfterError delays the retry", async () => {
    await h.inngest.send({ name: "test/retry-after", data: {} });
    const run = await h.waitForRun({ functionId: fid("retry-after") });
    expect(run.status).toBe("completed");
    const times = order.filter((o) => o.startsWith("retry-after")).map((o) => Number(o.split(":")[2]));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
  });

  it("an exhausted step's error reaches the function, which may catch it", async () => {
    await h.inngest.send({ name: "test/exhausted", data: {} });
    const run = await h.waitForRun({ functionId: fid("exhausted") });
    expect(run.output).toBe("caught: always");
    expect(counters.get("exhausted")).toBe(2);
  });

  it("runs parallel steps", async () => {
    await h.inngest.send({ name: "test/parallel", data: {} });
    const run = await h.waitForRun({ functionId: fid("parallel") });
    expect(run.output).toBe("xy");
    expect((await h.stepsOf(run.id)).map((s) => s.name).sort()).toEqual(["join", "x", "y"]);
  });

  it("limits concurrency per key", async () => {
    await h.inngest.send([1, 2, 3, 4].map((i) => ({ name: "test/per-page", data: { pageId: "page-a", i } })));
    const deadline = Date.now() + 10_000;
    while ((await h.runsOf(fid("per-page"))).filter((r) => r.status === "completed").length < 4 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await h.runsOf(fid("per-page"))).every((r) => r.status === "completed")).toBe(true);
    expect(concurrentMax).toBe(1);
  });

  it("starts a run of an event stamped in the future at that time, as Inngest does", async () => {
    const ts = Date.now() + 1200;
    await h.inngest.send({ name: "test/plain", data: { tag: "later" }, ts });
    const deadline = Date.now() + 10_000;
    while (counters.get("plain:later") === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(counters.get("plain:later")).toBe(1);
    // Not before its time (the function ran at or after ts, by this process's clock).
    expect(ranAt.get("plain:later")!).toBeGreaterThanOrEqual(ts);
  });

  it("filters triggers with an `if` expression", async () => {
    await h.inngest.send([
      { name: "test/filtered", data: { n: 2, kind: "big" } },
      { name: "test/filtered", data: { n: 5, kind: "small" } },
      { name: "test/filtered", data: { n: 7, kind: "big" } },
    ]);
    await h.waitForRun({ functionId: fid("filtered") });
    await new Promise((r) => setTimeout(r, 200));
    const runs = await h.runsOf(fid("filtered"));
    expect(runs.map((r) => r.output)).toEqual([7]);
  });

  it("fires cron triggers with inngest/scheduled.timer", async () => {
    await handle.db.update(workflowCrons).set({ nextAt: new Date(Date.now() - 1000) }).where(eq(workflowCrons.functionId, fid("cron")));
    h.executor.wake();
    const run = await h.waitForRun({ functionId: fid("cron") });
    expect(run.output).toBe("inngest/scheduled.timer");
    const [schedule] = await handle.db.select().from(workflowCrons).where(eq(workflowCrons.functionId, fid("cron")));
    expect(schedule!.nextAt.getTime()).toBeGreaterThan(Date.now());
    expect(schedule!.nextAt.getUTCHours()).toBe(3);
  });

  it("accepts an event id once within 24 h", async () => {
    const first = await h.inngest.send({ id: "dedupe-1", name: "test/plain", data: { tag: "dup" } });
    const second = await h.inngest.send({ id: "dedupe-1", name: "test/plain", data: { tag: "dup" } });
    expect(first.ids).toEqual(["dedupe-1"]);
    expect(second.ids).toEqual(["dedupe-1"]);
    await h.waitForRun({ functionId: fid("plain") });
    await new Promise((r) => setTimeout(r, 300));
    expect(counters.get("plain:dup")).toBe(1);
  });

  it("honours a function idempotency key", async () => {
    await h.inngest.send([
      { name: "test/idem", data: { userId: "u1" } },
      { name: "test/idem", data: { userId: "u1" } },
      { name: "test/idem", data: { userId: "u2" } },
    ]);
    await new Promise((r) => setTimeout(r, 500));
    const runs = await h.runsOf(fid("idem"));
    expect(runs.map((r) => (r.event as { data: { userId: string } }).data.userId).sort()).toEqual(["u1", "u2"]);
  });

  it("records the org id of the triggering event on the run", async () => {
    const orgId = "0190b6c4-2f7a-7c3e-9a1b-123456789abc";
    await h.inngest.send({ name: "test/plain", data: { tag: "org", orgId } });
    await new Promise((r) => setTimeout(r, 300));
    const [run] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.orgId, orgId));
    expect(run?.functionId).toBe(fid("plain"));
  });

  it("refuses unsigned or badly signed calls to the serve endpoint", async () => {
    const unsigned = await fetch(`${h.serveUrl}?fnId=anything&stepId=step`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(unsigned.status).toBe(401);
    const body = canonicalJson({ event: {}, events: [], steps: {}, version: 2, ctx: { run_id: "x", attempt: 0, use_api: false } });
    const wrongKey = await fetch(`${h.serveUrl}?fnId=${fid("plain")}&stepId=step`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-inngest-signature": sign(body, `signkey-prod-${"00".repeat(32)}`) },
    });
    expect(wrongKey.status).toBe(401);
  });

  it("refuses a whole sync when one function uses an unsupported feature", async () => {
    const before = await handle.db.select().from(workflowFunctions);
    await expect(
      registerApp(handle.db, "conformance", [
        ...before.map((f) => f.config),
        { ...before[0]!.config, id: "conformance-rate-limited", rateLimit: { limit: 1, period: "1m" } },
      ], { kind: "in_band", serveUrl: h.serveUrl }),
    ).rejects.toBeInstanceOf(UnsupportedFeatureError);
    expect((await handle.db.select().from(workflowFunctions)).length).toBe(before.length);
  });

  it("refuses a registration that names another serve endpoint, and records it", async () => {
    const before = await handle.db.select().from(workflowFunctions);
    const elsewhere = before.map((f) => {
      const steps = f.config.steps as Record<string, { runtime: { url: string } }>;
      const url = new URL(steps.step!.runtime.url);
      url.host = "attacker.example:4444";
      return { ...f.config, steps: { step: { ...steps.step, runtime: { type: "http", url: url.toString() } } } };
    });
    const body = JSON.stringify({ appName: "conformance", functions: elsewhere });
    const res = await fetch(`${h.origin}/fn/register`, { method: "POST", body, headers: { authorization: `Bearer ${hashSigningKey(h.signingKey)}` } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/not at the app's configured endpoint/);
    expect((await handle.db.select().from(workflowFunctions)).map((f) => f.url).sort()).toEqual(before.map((f) => f.url).sort());
    const [last] = await handle.db.select().from(workflowSyncs).orderBy(desc(workflowSyncs.id)).limit(1);
    expect(last).toMatchObject({ kind: "out_of_band", outcome: "refused", url: h.serveUrl });
  });

  it("refuses events with a wrong event key", async () => {
    const res = await fetch(`${h.origin}/e/wrong-key`, { method: "POST", body: JSON.stringify({ name: "test/plain", data: {} }) });
    expect(res.status).toBe(401);
  });
});
