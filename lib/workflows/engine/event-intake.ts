import { and, eq, gt, inArray, notInArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { workflowEvents, workflowRuns, workflowWaits } from "@/db/schema/workflows";
import { newId } from "@/db/ids";
import { EventApiError } from "../workflow-errors";
import { evaluateKey, evaluatePriority, matches } from "../parsers/expression";
import { eventNameMatches, type FunctionSpec } from "../parsers/function-config";
import { loadFunctions } from "./registry";
import { cancelRunInTx, lockKey, resolveWait, TERMINAL_STATUSES } from "./run-state";

export interface EventPayload {
  id?: string;
  name: string;
  data?: Record<string, unknown>;
  ts?: number;
  user?: unknown;
  v?: string;
}

/** An event as stored on a run and sent to the SDK. */
export type RunEvent = { id: string; name: string; data: Record<string, unknown>; ts: number; user?: unknown; v?: string };

export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IngestResult {
  ids: string[];
  /** Runs created or woken: the executor should look for work now. */
  runnable: number;
}

/** Stores events and starts or resumes the runs they trigger, all in one transaction. */
export async function ingestEvents(db: Db, payloads: EventPayload[], now = new Date()): Promise<IngestResult> {
  const functions = await loadFunctions(db);
  return db.transaction((tx) => ingestInTx(tx, functions, payloads, now));
}

export async function ingestInTx(tx: DbOrTx, functions: FunctionSpec[], payloads: EventPayload[], now = new Date()): Promise<IngestResult> {
  const result: IngestResult = { ids: [], runnable: 0 };
  for (const payload of payloads) {
    if (!payload || typeof payload.name !== "string" || !payload.name) throw new EventApiError("Every event needs a name", 400);
    if (payload.data !== undefined && (payload.data === null || typeof payload.data !== "object" || Array.isArray(payload.data))) {
      throw new EventApiError(`Event ${payload.name}: data must be an object`, 400);
    }
    const rowId = newId(now.getTime());
    const eventId = payload.id ? String(payload.id) : rowId;
    result.ids.push(eventId);
    if (payload.id) {
      // Event-id idempotency: the same id within 24 h is accepted once.
      await lockKey(tx, `wf-event:${eventId}`);
      const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
      const [seen] = await tx
        .select({ id: workflowEvents.id })
        .from(workflowEvents)
        .where(and(eq(workflowEvents.eventId, eventId), gt(workflowEvents.receivedAt, since)))
        .limit(1);
      if (seen) continue;
    }
    const event: RunEvent = {
      id: eventId,
      name: payload.name,
      data: payload.data ?? {},
      ts: typeof payload.ts === "number" ? payload.ts : now.getTime(),
      ...(payload.user !== undefined ? { user: payload.user } : {}),
      ...(payload.v ? { v: payload.v } : {}),
    };
    await tx.insert(workflowEvents).values({ id: rowId, eventId, name: event.name, payload: event, receivedAt: now });
    for (const fn of functions) {
      const triggered = fn.triggers.some((t) => "event" in t && eventNameMatches(t.event, event.name) && safeMatches(t.expression, { event }));
      if (triggered && (await createRun(tx, fn, event, rowId, now))) result.runnable++;
    }
    result.runnable += await deliverToWaits(tx, event);
  }
  return result;
}

/** Creates a run unless the function's idempotency key already started one in the last 24 h. */
export async function createRun(tx: DbOrTx, fn: FunctionSpec, event: RunEvent, eventRowId: string, now: Date): Promise<string | null> {
  const vars = { event };
  let idempotencyKey: string | null = null;
  if (fn.idempotency) {
    idempotencyKey = evaluateKey(fn.idempotency, vars);
    if (idempotencyKey !== null) {
      await lockKey(tx, `wf-idem:${fn.id}:${idempotencyKey}`);
      const since = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
      const [existing] = await tx
        .select({ id: workflowRuns.id })
        .from(workflowRuns)
        .where(and(eq(workflowRuns.functionId, fn.id), eq(workflowRuns.idempotencyKey, idempotencyKey), gt(workflowRuns.startedAt, since)))
        .limit(1);
      if (existing) return null;
    }
  }
  const concurrencyKey = fn.concurrency ? (fn.concurrency.key ? (evaluateKey(fn.concurrency.key, vars) ?? "") : "") : null;
  const runId = newId(now.getTime());
  await tx.insert(workflowRuns).values({
    id: runId,
    functionId: fn.id,
    orgId: orgIdOf(event),
    eventId: eventRowId,
    event,
    status: "queued",
    concurrencyKey,
    concurrencyLimit: fn.concurrency?.limit ?? null,
    idempotencyKey,
    priority: evaluatePriority(fn.priority, vars),
    // An event stamped in the future starts its runs then, as Inngest does ("the same effect as sleeping at
    // the start of the function"), without a sleep step and its wake-up.
    nextRunAt: event.ts > now.getTime() ? new Date(event.ts) : now,
    startedAt: now,
  });
  for (const [index, cancel] of fn.cancel.entries()) {
    await tx.insert(workflowWaits).values({
      runId,
      stepId: `cancel:${index}`,
      name: `cancelOn ${cancel.event}`,
      kind: "cancel",
      eventName: cancel.event,
      expression: cancel.if ?? null,
      wakeAt: cancel.timeoutMs ? new Date(now.getTime() + cancel.timeoutMs) : null,
      createdAt: now,
    });
  }
  return runId;
}

/** Hands an event to the waitForEvent steps and cancelOn matchers waiting for its name. */
async function deliverToWaits(tx: DbOrTx, event: RunEvent): Promise<number> {
  const waits = await tx
    .select({ wait: workflowWaits, runEvent: workflowRuns.event })
    .from(workflowWaits)
    .innerJoin(workflowRuns, eq(workflowRuns.id, workflowWaits.runId))
    .where(and(eq(workflowWaits.eventName, event.name), inArray(workflowWaits.kind, ["event", "cancel"]), notInArray(workflowRuns.status, TERMINAL_STATUSES)))
    .orderBy(workflowWaits.createdAt)
    .for("update", { of: workflowWaits, skipLocked: true });
  let woken = 0;
  for (const { wait, runEvent } of waits) {
    // `event` is the run's triggering event, `async` the incoming one (Inngest's convention).
    if (!safeMatches(wait.expression, { event: runEvent, async: event })) continue;
    if (wait.kind === "cancel") {
      await cancelRunInTx(tx, wait.runId, `Cancelled by event ${event.name} (${event.id})`);
    } else if (await resolveWait(tx, wait.id, event)) woken++;
  }
  return woken;
}

function safeMatches(expression: string | null | undefined, vars: Record<string, unknown>): boolean {
  try {
    return matches(expression, vars);
  } catch {
    return false;
  }
}

/** The organisation a run belongs to: `data.orgId` of its event (or of the failed run's event for onFailure). */
export function orgIdOf(event: RunEvent): string | null {
  const direct = event.data?.orgId;
  const nested = (event.data?.event as { data?: { orgId?: unknown } } | undefined)?.data?.orgId;
  const candidate = typeof direct === "string" ? direct : typeof nested === "string" ? nested : null;
  return candidate && UUID.test(candidate) ? candidate : null;
}

