import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

// Tables of the built-in workflow executor (lib/workflows). Unused when the app runs against Inngest.

/** Executor secrets and small settings. Invariant: `signing_key` and `event_key` are created once and shared by every instance. */
export const workflowSettings = pgTable("workflow_settings", {
  key: text().primaryKey(),
  value: text().notNull(),
  createdAt: createdAt(),
});

/**
 * Function configs received by Inngest's sync. Invariant: every stored config passed the executor's
 * feature check (anything unsupported is refused at sync and never stored); `id` is the full function id.
 */
export const workflowFunctions = pgTable("workflow_functions", {
  id: text().primaryKey(),
  appId: text().notNull(),
  name: text().notNull(),
  /** The serve endpoint the function is called on (`?fnId=...&stepId=step` is added per call). */
  url: text().notNull(),
  config: jsonb().$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Events received by the event API. Invariant: at most one event per `eventId` is accepted within 24 h
 * (checked under an advisory lock on the id), which is what makes `inngest.send({ id })` idempotent.
 */
export const workflowEvents = pgTable(
  "workflow_events",
  {
    id: id(),
    /** The sender's id, or the internal id when the sender gave none. */
    eventId: text().notNull(),
    name: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workflow_events_event_id_idx").on(t.eventId, t.receivedAt), index("workflow_events_received_at_idx").on(t.receivedAt)],
);

/**
 * One function run; this table is also the work queue. A run is claimable when `next_run_at <= now()` and
 * its lease is free or expired (claimed `FOR UPDATE SKIP LOCKED`). Claiming pushes `next_run_at` to the
 * lease expiry, so a run whose driver died reappears by itself. `next_run_at` is null while the run only
 * waits (sleep, waitForEvent) and once it has finished. `wake_pending` records a wake-up that arrived while
 * the run was leased. `org_id` comes from the triggering event's `data.orgId`. `priority` is the function's
 * `priority.run` factor for this run, -600..600 seconds, fixed at creation: due runs are claimed in the order
 * of `next_run_at - priority` (a negative factor also delays the run by as much); see engine/scheduler.ts.
 */
export const workflowRuns = pgTable(
  "workflow_runs",
  {
    id: id(),
    functionId: text().notNull(),
    orgId: uuid(),
    eventId: uuid().notNull(),
    /** The triggering event as sent to the SDK. */
    event: jsonb().$type<Record<string, unknown>>().notNull(),
    /** "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled" */
    status: text().notNull().default("queued"),
    /** Attempt of the current step (or of the function body), reset after every completed step. */
    attempt: integer().notNull().default(0),
    concurrencyKey: text(),
    concurrencyLimit: integer(),
    idempotencyKey: text(),
    priority: integer().notNull().default(0),
    nextRunAt: timestamp({ withTimezone: true }),
    wakePending: boolean().notNull().default(false),
    /**
     * Due, but its concurrency key had no free slot: parked until a run of the key lets go of its slot (which
     * makes the oldest parked ones due at once), with `next_run_at` as a late safety recheck meanwhile.
     */
    awaitingSlot: boolean().notNull().default(false),
    leaseOwner: text(),
    leaseExpiresAt: timestamp({ withTimezone: true }),
    output: jsonb(),
    error: jsonb(),
    startedAt: createdAt(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("workflow_runs_next_run_at_idx").on(t.nextRunAt).where(sql`${t.nextRunAt} is not null`),
    // The few runs with a priority, read apart from the many without (see claimRuns): the usual claim stays an
    // index range in `next_run_at` order.
    index("workflow_runs_prioritised_idx").on(t.nextRunAt).where(sql`${t.nextRunAt} is not null and ${t.priority} <> 0`),
    // The metrics' runs-by-state gauge counts the unfinished ones at every scrape; finished runs pile up.
    index("workflow_runs_active_status_idx").on(t.status).where(sql`${t.status} in ('queued', 'running', 'waiting')`),
    index("workflow_runs_org_idx").on(t.orgId, t.id),
    index("workflow_runs_function_idx").on(t.functionId, t.id),
    index("workflow_runs_concurrency_idx").on(t.functionId, t.concurrencyKey).where(sql`${t.leaseExpiresAt} is not null`),
    index("workflow_runs_awaiting_slot_idx").on(t.functionId, t.concurrencyKey, t.id).where(sql`${t.awaitingSlot}`),
    index("workflow_runs_idempotency_idx").on(t.functionId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
  ],
);

/**
 * Memoized step results. Invariant: one row per (run, step id), inserted once when the step reaches its
 * final state (`completed` or `failed`); later duplicates are ignored, so a step's result is recorded once.
 * `step_id` is the SDK's opaque hashed id; `name` is the user's step id for display.
 */
export const workflowSteps = pgTable(
  "workflow_steps",
  {
    id: id(),
    runId: uuid()
      .notNull()
      .references(() => workflowRuns.id, { onDelete: "cascade" }),
    stepId: text().notNull(),
    name: text().notNull(),
    op: text().notNull(),
    status: text().notNull(),
    output: jsonb(),
    error: jsonb(),
    attempts: integer().notNull().default(1),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("workflow_steps_run_step_key").on(t.runId, t.stepId)],
);

/**
 * What a run waits for: a sleep ("sleep", wakes at `wake_at`), an event ("event", `step.waitForEvent`,
 * times out at `wake_at`) or a cancellation matcher ("cancel", from `cancelOn`, expires at `wake_at`).
 * Invariant: one row per (run, step id); a wait is resolved by deleting its row, so it resolves once.
 */
export const workflowWaits = pgTable(
  "workflow_waits",
  {
    id: id(),
    runId: uuid()
      .notNull()
      .references(() => workflowRuns.id, { onDelete: "cascade" }),
    stepId: text().notNull(),
    name: text().notNull(),
    kind: text().notNull(),
    eventName: text(),
    expression: text(),
    wakeAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("workflow_waits_run_step_key").on(t.runId, t.stepId),
    index("workflow_waits_wake_at_idx").on(t.wakeAt).where(sql`${t.wakeAt} is not null`),
    index("workflow_waits_event_name_idx").on(t.eventName).where(sql`${t.eventName} is not null`),
  ],
);

/** Cron schedules of synced functions. Invariant: `next_at` is the next fire time; a fire advances it in the same transaction. */
export const workflowCrons = pgTable(
  "workflow_crons",
  {
    functionId: text().notNull(),
    cron: text().notNull(),
    nextAt: timestamp({ withTimezone: true }).notNull(),
    firedCount: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.functionId, t.cron] }), index("workflow_crons_next_at_idx").on(t.nextAt)],
);

/**
 * The instance's record of every authenticated sync (registration of function configs), accepted or
 * refused: when, by which path (`in_band` from the executor, `out_of_band` via the register API), for
 * which serve URL and functions. Instance-level, not per organisation: synced functions serve every
 * tenant, so these rows live beside `workflow_functions` rather than in the per-org `audit_log`.
 * Invariant: an accepted row is written in the same transaction as the functions it stored; never updated.
 * Unauthenticated sync attempts are refused before any write and are not recorded here.
 */
export const workflowSyncs = pgTable("workflow_syncs", {
  id: id(),
  appId: text().notNull(),
  /** "in_band" | "out_of_band" */
  kind: text().notNull(),
  url: text().notNull(),
  functionIds: jsonb().$type<string[]>().notNull(),
  /** "accepted" | "refused" */
  outcome: text().notNull(),
  reason: text(),
  modified: boolean().notNull().default(false),
  at: createdAt(),
});
