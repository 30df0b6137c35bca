/**
 * Runs whose concurrency key has no free slot are parked, not polled: a claim pass parks them (awaiting a
 * slot, with a late recheck), and the moment a run of the key lets go of its slot the oldest parked ones,
 * as many as the key has slots, become due again. Runs of other keys, and finished runs, are not touched.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { newId } from "@/db/ids";
import { workflowRuns } from "@/db/schema/workflows";
import { createTestDatabase } from "@/tests/db";
import { claimRuns, wakeSlotWaiters } from "./scheduler";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const FUNCTION = "slot-test";

async function insertRuns(key: string, count: number, limit = 1, at = Date.now() - 1000): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => newId(at + i));
  await handle.db.insert(workflowRuns).values(
    ids.map((id, i) => ({ id, functionId: FUNCTION, eventId: newId(), event: { name: "test", data: { i } }, concurrencyKey: key, concurrencyLimit: limit, nextRunAt: new Date(at + i) })),
  );
  return ids;
}

const rowsOf = (ids: string[]) => handle.db.select().from(workflowRuns).where(inArray(workflowRuns.id, ids)).orderBy(workflowRuns.id);

describe("runs waiting for a concurrency slot", () => {
  it("are parked by a claim pass and the oldest is made due when the holder lets go", async () => {
    const ids = await insertRuns("page-a", 4);
    const first = await claimRuns(handle.db, "owner-1", 30_000, 8);
    expect(first.map((r) => r.id)).toEqual([ids[0]]);

    const parked = await rowsOf(ids.slice(1));
    expect(parked.every((r) => r.awaitingSlot && r.leaseOwner === null)).toBe(true);
    // Not due before the recheck: a pass now claims nothing and counts nothing again.
    expect(parked.every((r) => r.nextRunAt!.getTime() > Date.now())).toBe(true);
    expect(await claimRuns(handle.db, "owner-1", 30_000, 8)).toEqual([]);

    // The holder finishes and lets go of its slot.
    await handle.db.update(workflowRuns).set({ status: "completed", leaseOwner: null, leaseExpiresAt: null, nextRunAt: null }).where(eq(workflowRuns.id, ids[0]));
    expect(await wakeSlotWaiters(handle.db, first[0])).toBe(1);
    const [woken, ...still] = await rowsOf(ids.slice(1));
    expect(woken.awaitingSlot).toBe(false);
    expect(woken.nextRunAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(still.every((r) => r.awaitingSlot)).toBe(true);

    // The woken run is claimed at once, in its turn.
    const second = await claimRuns(handle.db, "owner-1", 30_000, 8);
    expect(second.map((r) => r.id)).toEqual([ids[1]]);
  });

  it("wakes as many as the key has slots, and only that key's", async () => {
    const mine = await insertRuns("page-b", 5, 2);
    const other = await insertRuns("page-c", 2, 1);
    const claimed = await claimRuns(handle.db, "owner-2", 30_000, 8);
    expect(claimed.map((r) => r.id).sort()).toEqual([mine[0], mine[1], other[0]].sort());

    await handle.db.update(workflowRuns).set({ status: "completed", leaseOwner: null, leaseExpiresAt: null, nextRunAt: null }).where(eq(workflowRuns.id, mine[0]));
    expect(await wakeSlotWaiters(handle.db, claimed.find((r) => r.id === mine[0])!)).toBe(2);
    // Looked up by id: the two keys' ids were made in the same milliseconds, so their sort order may interleave.
    const awaiting = new Map((await rowsOf([...mine.slice(2), other[1]])).map((r) => [r.id, r.awaitingSlot]));
    expect([mine[2], mine[3], mine[4], other[1]].map((id) => awaiting.get(id))).toEqual([false, false, true, true]);
  });

  it("never wakes a cancelled run", async () => {
    const ids = await insertRuns("page-d", 2);
    const [holder] = await claimRuns(handle.db, "owner-3", 30_000, 8);
    expect(holder.id).toBe(ids[0]);
    await handle.db.update(workflowRuns).set({ status: "cancelled", nextRunAt: null }).where(eq(workflowRuns.id, ids[1]));
    expect(await wakeSlotWaiters(handle.db, holder)).toBe(0);
  });
});
