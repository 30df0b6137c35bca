import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/db";

// Real crashes: the executor runs in a child process that is SIGKILLed mid-step or mid-sleep; a new
// process on the same database must complete the run, each step's result recorded exactly once.
type Message = { type: "waiting" } | { type: "ready"; origin: string; eventKey: string } | { type: "step"; name: string; runId: string } | { type: "done"; report: Report };
interface Report {
  status: string;
  output: unknown;
  steps: Array<{ name: string; op: string; status: string }>;
  executions: Array<{ step: string; n: number }>;
  ledger: Array<{ step: string }>;
}

const worker = path.join(import.meta.dirname, "..", "testing", "crash-worker.ts");
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

function start(mode: "first" | "finish"): { child: ChildProcess; next: (type: Message["type"], where?: (m: Message) => boolean) => Promise<Message>; exited: Promise<number | null> } {
  const child = fork(worker, [target, mode], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"], cwd: process.cwd() });
  const messages: Message[] = [];
  const waiters: Array<() => void> = [];
  child.on("message", (m) => {
    messages.push(m as Message);
    waiters.splice(0).forEach((w) => w());
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const next = async (type: Message["type"], where: (m: Message) => boolean = () => true) => {
    for (;;) {
      const found = messages.find((m) => m.type === type && where(m));
      if (found) return found;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker exited before sending ${type}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { child, next, exited };
}

async function sendEvent(origin: string, eventKey: string, name: string) {
  const res = await fetch(`${origin}/e/${eventKey}`, { method: "POST", body: JSON.stringify({ name, data: {} }) });
  expect(res.status).toBe(200);
}

async function killHard(worker: { child: ChildProcess; exited: Promise<number | null> }) {
  worker.child.kill("SIGKILL");
  await worker.exited;
}

describe("restart after a crash", () => {
  it("a run killed mid-step is taken over and completes; each step result is recorded once", async () => {
    const first = start("first");
    const ready = (await first.next("ready")) as Extract<Message, { type: "ready" }>;
    await sendEvent(ready.origin, ready.eventKey, "test/crash");
    await first.next("step", (m) => m.type === "step" && m.name === "one");
    await killHard(first); // inside step "one", before its result was returned

    const second = start("finish");
    const { report } = (await second.next("done")) as Extract<Message, { type: "done" }>;
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
    const ready = (await first.next("ready")) as Extract<Message, { type: "ready" }>;
    await sendEvent(ready.origin, ready.eventKey, "test/crash");
    const step = (await first.next("step", (m) => m.type === "step" && m.name === "one")) as Extract<Message, { type: "step" }>;
    // Let step "one" finish and the 3 s sleep begin, then kill; stay down past the wake time.
    await first.next("waiting");
    await killHard(first);
    await new Promise((r) => setTimeout(r, 3000));

    const second = start("finish");
    const { report } = (await second.next("done")) as Extract<Message, { type: "done" }>;
    await second.exited;
    expect(report.status).toBe("completed");
    expect(report.executions).toEqual([{ step: "one", n: 1 }, { step: "two", n: 1 }]);
    expect(report.ledger).toEqual([{ step: "one" }, { step: "two" }]);
    expect(report.steps.map((s) => s.name)).toEqual(["one", "nap", "two"]);
    expect(step.runId).toBeTruthy();
    expect(report.steps.every((s) => s.status === "completed")).toBe(true);
  }, 120_000);
});
