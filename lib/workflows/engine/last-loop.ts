/**
 * When the built-in executor's scheduling loop last went round in this process (not the lease heartbeat of
 * leases.ts): readiness (/api/health/ready) calls an executor stuck when this is old. Process-wide on
 * globalThis, as the executor itself is (wiring/runtime.ts).
 */
const slot = globalThis as unknown as { __messengerDeskExecutorLoopAt?: number };

export function recordExecutorLoop(at = Date.now()): void {
  slot.__messengerDeskExecutorLoopAt = at;
}

/** Epoch ms of the last pass, or undefined when no executor loop has run in this process. */
export function lastExecutorLoopAt(): number | undefined {
  return slot.__messengerDeskExecutorLoopAt;
}
