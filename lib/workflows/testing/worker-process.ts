/**
 * Starts crash-worker.ts as a child process (its own executor, serve endpoint and database pool, as an app
 * instance) and reads its IPC messages; tests SIGKILL it to crash an instance for real.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export type WorkerMessage =
  | { type: "waiting" }
  | { type: "ready"; origin: string; eventKey: string }
  | { type: "step"; name: string; runId: string; at: number }
  | { type: "log"; level: string; message: string }
  | { type: "done"; report: WorkerReport };

export interface WorkerReport {
  status: string;
  output: unknown;
  steps: Array<{ name: string; op: string; status: string }>;
  executions: Array<{ step: string; n: number }>;
  ledger: Array<{ step: string }>;
}

export interface WorkerProcess {
  child: ChildProcess;
  messages: WorkerMessage[];
  /** The first message of `type` (matching `where`), waiting for it; throws if the worker exits first. */
  next<T extends WorkerMessage["type"]>(type: T, where?: (m: Extract<WorkerMessage, { type: T }>) => boolean): Promise<Extract<WorkerMessage, { type: T }>>;
  exited: Promise<number | null>;
  /** SIGKILL: no clean-up, leases left as they were. Resolves with the time of the kill. */
  killHard(): Promise<number>;
}

const worker = path.join(import.meta.dirname, "crash-worker.ts");

export function startWorker(target: string, mode: "first" | "finish" | "peer", env: Record<string, string> = {}): WorkerProcess {
  const child = fork(worker, [target, mode], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    cwd: process.cwd(),
    env: { ...process.env, ...env },
  });
  const messages: WorkerMessage[] = [];
  const waiters: Array<() => void> = [];
  child.on("message", (m) => {
    messages.push(m as WorkerMessage);
    waiters.splice(0).forEach((w) => w());
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    child,
    messages,
    exited,
    async next(type, where = () => true) {
      for (;;) {
        const found = messages.find((m) => m.type === type && where(m as never));
        if (found) return found as never;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker exited before sending ${type}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    async killHard() {
      const at = Date.now();
      child.kill("SIGKILL");
      await exited;
      return at;
    },
  };
}
