import type { RunStatus } from "@/lib/workflows/engine/run-state";

/** Run statuses in the order the status filter offers them (no server imports: the browser uses this too). */
export const RUN_STATUSES = ["queued", "running", "waiting", "completed", "failed", "cancelled"] as const satisfies readonly RunStatus[];
/** Runs that can still be cancelled. */
export const CANCELLABLE_STATUSES: readonly string[] = ["queued", "running", "waiting"];
