/** What the driver and the code applying the SDK's answers share: the claimed run, the context, step states. */
import type { Db } from "@/db/client";
import type { workflowRuns } from "@/db/schema/workflows";
import type { OutgoingOp } from "../protocol/serve-calls";

export type ClaimedRun = typeof workflowRuns.$inferSelect;

export interface DriverContext {
  db: Db;
  owner: string;
  signingKey: string;
  /** The app's own serve endpoint from configuration: the only URL step calls go to. */
  serveUrl: string;
  leaseMs: number;
  /** Longest a driver keeps one run before handing it back to the queue (fairness). */
  maxDriveMs: number;
  retryDelayMs: (attempt: number) => number;
  /** True once this executor is stopping or was killed: stop driving, write nothing more. */
  halted: () => boolean;
  /** True once a heartbeat found this run's lease gone (taken over after it expired): stop driving it. */
  leaseLost: (runId: string) => boolean;
  log: (level: "info" | "warn" | "error", message: string, extra?: Record<string, unknown>) => void;
  /** Optional timing probe (benchmark): the SDK call and the executor's own bookkeeping per answer. */
  onTiming?: (timing: { callMs: number; applyMs: number }) => void;
}

export type Outcome = ({ next: "continue"; reload?: boolean } | { next: "stop" } | { next: "execute"; planned: OutgoingOp[] }) & {
  /** Steps memoized by this answer, for the driver's in-memory state. */
  recorded?: Array<[string, StepState]>;
};

export type StepState = { type: "data"; data: unknown } | { type: "error"; error: unknown };
export interface KnownState {
  state: Record<string, StepState>;
  stack: string[];
}

export const stepState = (status: string, output: unknown, error: unknown): StepState =>
  status === "completed" ? { type: "data", data: output ?? null } : { type: "error", error };
