import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lt, lte, ne, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workflowCrons, workflowEvents, workflowRuns, workflowSteps, workflowWaits } from "@/db/schema/workflows";
import { newId } from "@/db/ids";
import { nextCronTime, parseCron } from "../parsers/cron";
import type { ClaimedRun } from "./driver";
import { createRun, type RunEvent } from "./event-intake";
import { loadFunctions } from "./registry";
import { lockKey, TERMINAL_STATUSES } from "./run-state";

/**
 * How long a run parked for a concurrency slot waits at most before it is looked at again. Normally a run of
 * its key wakes it sooner (wakeSlotWaiters, when that run lets go of its slot); this covers a holder whose
 * instance died, whose slot frees only when its lease expires, which wakes no one.
 */
const SLOT_RECHECK_MS = 2_000;

/**
 * A run's place in the queue (ms): when it became due, moved ahead by its priority factor (Inngest's
 * `priority.run`, seconds) or, for a negative factor, behind — and then it is not due before that place either,
 * as Inngest delays such a run. The factor is bounded (±600 s), so a run without priority waits behind
 * prioritised ones enqueued at most 600 s after it: nothing starves. Unlike Inngest, whose runs queue per
 * function, our executor has one queue for all functions, so the factor also orders runs across functions;
 * and it counts each time the run is due (after a sleep, a retry, a concurrency wait), not only on first attempts.
 */
export function placeInQueue(run: { nextRunAt: Date | null; priority: number }): number {
  return (run.nextRunAt?.getTime() ?? 0) - run.priority * 1000;
}

/**
 * Claims up to `max` due runs for `owner`, in the order of their place in the queue (placeInQueue): `FOR UPDATE SKIP LOCKED` so instances never claim the same row,
 * then a per-key advisory lock around the concurrency count so two instances cannot both fill the last slot.
 * A claim sets the lease and moves `next_run_at` to the lease expiry: if this instance dies the run
 * becomes due again by itself when the lease runs out.
 */
export async function claimRuns(db: Db, owner: string, leaseMs: number, max: number, driving: string[] = []): Promise<ClaimedRun[]> {
  if (max <= 0) return [];
  return db.transaction(async (tx) => {
    const now = new Date();
    const due = and(
      lte(workflowRuns.nextRunAt, now),
      // Lease times are the database's clock (see leases.ts): host clock skew cannot expire a lease early.
      or(isNull(workflowRuns.leaseExpiresAt), lt(workflowRuns.leaseExpiresAt, sql`now()`)),
      // A run this instance is still driving may show an expired lease (a starved event loop missed a
      // heartbeat); re-claiming it here would drive it twice under the same owner.
      driving.length ? notInArray(workflowRuns.id, driving) : undefined,
    );
    // Routine runs (no priority: nearly all) in `next_run_at` order, an index range as before priorities; the
    // few prioritised ones apart, by their place. Both lists are locked; the merge keeps the best `max * 4`.
    const routine = await tx
      .select()
      .from(workflowRuns)
      .where(and(due, eq(workflowRuns.priority, 0)))
      .orderBy(asc(workflowRuns.nextRunAt))
      .limit(max * 4)
      .for("update", { skipLocked: true });
    const prioritised = await tx
      .select()
      .from(workflowRuns)
      .where(and(due, ne(workflowRuns.priority, 0), lte(sql`${workflowRuns.nextRunAt} - least(${workflowRuns.priority}, 0) * interval '1 second'`, sql`${now.toISOString()}::timestamptz`)))
      .orderBy(sql`${workflowRuns.nextRunAt} - ${workflowRuns.priority} * interval '1 second'`)
      .limit(max * 4)
      .for("update", { skipLocked: true });
    const candidates = prioritised.length ? [...routine, ...prioritised].sort((a, b) => placeInQueue(a) - placeInQueue(b)).slice(0, max * 4) : routine;
    const claimed: ClaimedRun[] = [];
    const parked: string[] = [];
    // Free slots per concurrency key in this pass: each key is locked and counted once, however many of its
    // runs are due (a backlog of one channel's runs must not cost a count per run, every pass).
    const room = new Map<string, number>();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    for (const run of candidates) {
      if (claimed.length >= max) break;
      if (run.concurrencyLimit !== null && run.concurrencyKey !== null) {
        const key = `${run.functionId}:${run.concurrencyKey}`;
        let free = room.get(key);
        if (free === undefined) {
          await lockKey(tx, `wf-conc:${key}`);
          const [{ value: busy } = { value: 0 }] = await tx
            .select({ value: count() })
            .from(workflowRuns)
            .where(and(eq(workflowRuns.functionId, run.functionId), eq(workflowRuns.concurrencyKey, run.concurrencyKey), gt(workflowRuns.leaseExpiresAt, sql`now()`)));
          free = run.concurrencyLimit - Number(busy);
        }
        room.set(key, free - 1);
        if (free <= 0) {
          parked.push(run.id);
          continue;
        }
      }
      // `status` stays as it was before the claim: "queued" tells the driver the run never ran (no steps to load).
      claimed.push({ ...run, leaseOwner: owner, leaseExpiresAt: leaseUntil, nextRunAt: leaseUntil, wakePending: false, awaitingSlot: false });
    }
    if (parked.length) {
      await tx
        .update(workflowRuns)
        .set({ awaitingSlot: true, nextRunAt: new Date(now.getTime() + SLOT_RECHECK_MS) })
        .where(inArray(workflowRuns.id, parked));
    }
    if (claimed.length) {
      // One statement for the whole batch: claiming must not cost a round trip per run.
      await tx
        .update(workflowRuns)
        .set({
          leaseOwner: owner,
          leaseExpiresAt: sql`now() + ${leaseMs} * interval '1 millisecond'`,
          nextRunAt: sql`now() + ${leaseMs} * interval '1 millisecond'`,
          wakePending: false,
          awaitingSlot: false,
          status: sql`case when ${workflowRuns.status} in ('queued', 'waiting') then 'running' else ${workflowRuns.status} end`,
        })
        .where(inArray(workflowRuns.id, claimed.map((c) => c.id)));
    }
    return claimed;
  });
}

/**
 * A run of a concurrency key let go of its slot (it finished, failed, went to sleep or to wait, or was handed
 * back): the oldest runs parked for the key's slots become due now, as many as the key has slots. Takes the
 * claimers' lock for the key first, so runs a claim is parking at this moment are seen once it commits.
 */
export async function wakeSlotWaiters(db: Db, run: { functionId: string; concurrencyKey: string | null; concurrencyLimit: number | null }): Promise<number> {
  const { functionId, concurrencyKey, concurrencyLimit } = run;
  if (concurrencyKey === null || concurrencyLimit === null) return 0;
  return db.transaction(async (tx) => {
    await lockKey(tx, `wf-conc:${functionId}:${concurrencyKey}`);
    const woken = await tx
      .update(workflowRuns)
      // Their place in the queue is their age: ahead of runs that became due meanwhile but are younger.
      .set({ awaitingSlot: false, nextRunAt: sql`least(${workflowRuns.startedAt}, now())` })
      .where(
        inArray(
          workflowRuns.id,
          tx
            .select({ id: workflowRuns.id })
            .from(workflowRuns)
            .where(and(eq(workflowRuns.functionId, functionId), eq(workflowRuns.concurrencyKey, concurrencyKey), eq(workflowRuns.awaitingSlot, true), notInArray(workflowRuns.status, TERMINAL_STATUSES)))
            .orderBy(asc(workflowRuns.id))
            .limit(concurrencyLimit),
        ),
      )
      .returning({ id: workflowRuns.id });
    return woken.length;
  });
}

/** Wakes sleeps whose time came, times out event waits (memoized as null) and drops expired cancel matchers. */
export async function resolveDueWaits(db: Db, limit = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: workflowWaits.id })
      .from(workflowWaits)
      .where(lte(workflowWaits.wakeAt, new Date()))
      .orderBy(asc(workflowWaits.wakeAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (!due.length) return 0;
    // Set-based, three statements for the whole batch: many sleepers waking at once must not cost a
    // round trip each (they would wake late).
    const deleted = await tx.delete(workflowWaits).where(inArray(workflowWaits.id, due.map((w) => w.id))).returning();
    const resumed = deleted.filter((w) => w.kind !== "cancel");
    if (!resumed.length) return deleted.length;
    await tx
      .insert(workflowSteps)
      .values(
        resumed.map((w) => ({
          runId: w.runId,
          stepId: w.stepId,
          name: w.name,
          op: w.kind === "sleep" ? "Sleep" : "WaitForEvent",
          status: "completed",
          output: null,
          startedAt: w.createdAt,
          endedAt: new Date(),
        })),
      )
      .onConflictDoNothing();
    await tx
      .update(workflowRuns)
      .set({
        nextRunAt: sql`case when ${workflowRuns.leaseExpiresAt} > now() then ${workflowRuns.nextRunAt} else now() end`,
        wakePending: true,
      })
      .where(and(inArray(workflowRuns.id, [...new Set(resumed.map((w) => w.runId))]), notInArray(workflowRuns.status, TERMINAL_STATUSES)));
    return deleted.length;
  });
}

/**
 * Fires due cron schedules: one `inngest/scheduled.timer` event and run per schedule, then the next fire
 * time. Fires missed while the app was down collapse into one fire at start-up.
 */
export async function fireDueCrons(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const due = await tx.select().from(workflowCrons).where(lte(workflowCrons.nextAt, now)).limit(100).for("update", { skipLocked: true });
    if (!due.length) return 0;
    const functions = await loadFunctions(tx);
    for (const schedule of due) {
      const fn = functions.find((f) => f.id === schedule.functionId);
      const where = and(eq(workflowCrons.functionId, schedule.functionId), eq(workflowCrons.cron, schedule.cron));
      if (!fn) {
        await tx.delete(workflowCrons).where(where);
        continue;
      }
      const rowId = newId();
      const event: RunEvent = { id: `cron:${fn.id}:${schedule.nextAt.toISOString()}`, name: "inngest/scheduled.timer", data: { cron: schedule.cron }, ts: now.getTime() };
      await tx.insert(workflowEvents).values({ id: rowId, eventId: event.id, name: event.name, payload: event, receivedAt: now });
      await createRun(tx, fn, event, rowId, now);
      await tx
        .update(workflowCrons)
        .set({ nextAt: nextCronTime(parseCron(schedule.cron), now), firedCount: sql`${workflowCrons.firedCount} + 1` })
        .where(where);
    }
    return due.length;
  });
}

/** Milliseconds since epoch of the earliest scheduled thing (run, wait, cron), or null when nothing is scheduled. */
export async function nextDueAt(db: Db): Promise<number | null> {
  const [row] = await db
    .select({
      // A run with a negative priority is due that much later (claimRuns).
      runs: sql<string | null>`least(
        (select min(${workflowRuns.nextRunAt}) from ${workflowRuns} where ${workflowRuns.priority} >= 0),
        (select min(${workflowRuns.nextRunAt} - ${workflowRuns.priority} * interval '1 second') from ${workflowRuns} where ${workflowRuns.priority} < 0 and ${workflowRuns.nextRunAt} is not null))`,
      waits: sql<string | null>`(select min(${workflowWaits.wakeAt}) from ${workflowWaits})`,
      crons: sql<string | null>`(select min(${workflowCrons.nextAt}) from ${workflowCrons})`,
    })
    .from(sql`(select 1) as one`);
  const times = [row?.runs, row?.waits, row?.crons].filter((v): v is string => v !== null && v !== undefined).map((v) => new Date(v).getTime());
  return times.length ? Math.min(...times) : null;
}

/** Makes runs leased by other (dead) owners due now. Only for a database no other live instance uses (PGlite). */
export async function reclaimLeases(db: Db, owner: string): Promise<void> {
  await db
    .update(workflowRuns)
    .set({ leaseOwner: null, leaseExpiresAt: null, nextRunAt: new Date() })
    .where(and(isNotNull(workflowRuns.leaseOwner), ne(workflowRuns.leaseOwner, owner)));
}
