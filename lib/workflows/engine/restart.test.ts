import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/db";
import { startWorker } from "../testing/worker-process";

// Real crashes: the executor runs in a child process that is SIGKILLed mid-step or mid-sleep; a new
// process on the same database must complete the run, each step's result recorded exactly once. The two
// processes have different instance ids here, so the second one waits out the first one's lease.
let target: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const db = await createTestDatabase();
    target = db.url!;
    cleanup = () => db.close();
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "wf-restart-"));
    target = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
});
afterAll(async () => cleanup?.());

const start = (mode: "first" | "finish") => startWorker(target, mode);

async function sendEvent(origin: string, eventKey: string, name: string) {
  const res = await fetch(`${origin}/e/${eventKey}`, { method: "POST", body: JSON.stringify({ name, data: {} }) });
  expect(res.status).toBe(200);
}

describe("restart after a crash", () => {
  it("a run killed mid-step is taken over and completes; each step result is recorded once", async () => {
    const first = start("first");
    const ready = await first.next("ready");
    await sendEvent(ready.origin, ready.eventKey, "test/crash");
    await first.next("step", (m) => m.name === "one");
    await first.killHard(); // inside step "one", before its result was returned

    const second = start("finish");
    const { report } = await second.next("done");
    await second.exited;
    expect(report.status).toBe("completed");
    expect(report.output).toEqual(["one done", "two done"]);
    expect(report.steps.map((s) => s.name)).toEqual(["one", "nap", "two"]);
    // Step "one" ran twice (killed once) but its result and side effect exist once.
    expect(report.executions).toEqual([{ step: "one", n: 2 }, { step: "two", n: 1 }]);
    expect(report.ledger).toEqual([{ step: "one" }, { step: "two" }]);
  }, 120_000);

  it("a run killed mid-sleep wakes after restart, even when its time passed while the app was down", async () => {
    const first = start("first");
    const ready = await first.next("ready");
    await sendEvent(ready.origin, ready.eventKey, "test/crash");
    const step = await first.next("step", (m) => m.name === "one");
    // Let step "one" finish and the 3 s sleep begin, then kill; stay down past the wake time.
    await first.next("waiting");
    await first.killHard();
    await new Promise((r) => setTimeout(r, 3000));

    const second = start("finish");
    const { report } = await second.next("done");
    await second.exited;
    expect(report.status).toBe("completed");
    expect(report.executions).toEqual([{ step: "one", n: 1 }, { step: "two", n: 1 }]);
    expect(report.ledger).toEqual([{ step: "one" }, { step: "two" }]);
    expect(report.steps.map((s) => s.name)).toEqual(["one", "nap", "two"]);
    expect(step.runId).toBeTruthy();
    expect(report.steps.every((s) => s.status === "completed")).toBe(true);
  }, 120_000);
});
