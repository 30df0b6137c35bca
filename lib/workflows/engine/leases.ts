/**
 * Who holds a run, and for how long: the executor instance's stable id, its incarnation (one per process
 * start), the once-a-tick heartbeat that renews all of an incarnation's leases in one statement, and the
 * start-up takeover of a dead predecessor's leases. Lease times are the database's clock (`now()`), so
 * clock skew between hosts cannot shorten another instance's lease.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { workflowRuns, workflowSettings } from "@/db/schema/workflows";
import { lockKey } from "./run-state";

const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * The instance's stable id: INSTANCE_ID, else `<hostname>:<PORT>` (the port keeps two instances on one
 * host apart). "/" is refused: it separates the id from the incarnation in `lease_owner`.
 */
export function resolveInstanceId(env: Record<string, string | undefined> = process.env): string {
  const configured = env.INSTANCE_ID?.trim();
  if (configured) {
    if (!INSTANCE_ID.test(configured)) {
      throw new Error(`INSTANCE_ID "${configured}" is not valid: use 1-100 letters, digits, ".", "_", ":" or "-", starting with a letter or digit`);
    }
    return configured;
  }
  const host = hostname().replace(/[^A-Za-z0-9._:-]/g, "-").replace(/^[^A-Za-z0-9]+/, "").slice(0, 90) || "host";
  return `${host}:${env.PORT?.trim() || "3000"}`;
}

/** A fresh incarnation nonce: tells this process's leases from its predecessor's (and from a twin's). */
export function newIncarnation(): string {
  return randomBytes(6).toString("hex");
}

/** `lease_owner` of an incarnation: `<instanceId>/<incarnation>`. */
export function leaseOwnerOf(instanceId: string, incarnation: string): string {
  return `${instanceId}/${incarnation}`;
}

const identityKey = (instanceId: string) => `instance:${instanceId}`;
const FORGET_AFTER_MS = 7 * 86_400_000;

interface IdentityRecord {
  incarnation: string;
  /** The database clock (ms since epoch) at the incarnation's last heartbeat. */
  beatAt: number;
}

function parseIdentity(value: string | null | undefined): IdentityRecord | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<IdentityRecord>;
    return typeof parsed.incarnation === "string" && typeof parsed.beatAt === "number" ? { incarnation: parsed.incarnation, beatAt: parsed.beatAt } : null;
  } catch {
    return null;
  }
}

const identityValue = (incarnation: string) =>
  sql`json_build_object('incarnation', ${incarnation}::text, 'beatAt', floor(extract(epoch from clock_timestamp()) * 1000)::bigint)::text`;
const leaseUntil = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;

export interface HeartbeatResult {
  /** Runs whose lease this incarnation still holds (now renewed). */
  renewed: Set<string>;
  /** Another live process's incarnation of the same instance id, if it beat since our last tick. */
  twin: string | null;
}

/**
 * One statement per tick whatever the number of runs: renews every lease of this incarnation (and moves a
 * leased run's `next_run_at` with its lease, so a run driven longer than one lease does not look due to
 * every instance's scheduler), and records the incarnation's beat under its instance id. The record's
 * previous value tells whether another process beats under the same id.
 */
export async function heartbeat(db: Db, instanceId: string, incarnation: string, leaseMs: number): Promise<HeartbeatResult> {
  const owner = leaseOwnerOf(instanceId, incarnation);
  const key = identityKey(instanceId);
  // `lease_expires_at is not null` lets the planner read the small partial index of leased runs
  // (workflow_runs_concurrency_idx) instead of scanning every run ever made.
  const result = await db.execute(sql`
    with previous as (select value from ${workflowSettings} where key = ${key}),
    beat as (
      insert into ${workflowSettings} (key, value) values (${key}, ${identityValue(incarnation)})
      on conflict (key) do update set value = excluded.value
    ),
    renewed as (
      update ${workflowRuns}
      set lease_expires_at = ${leaseUntil(leaseMs)},
          next_run_at = case when next_run_at is null then null else greatest(next_run_at, ${leaseUntil(leaseMs)}) end
      where lease_expires_at is not null and lease_owner = ${owner}
      returning id
    )
    select (select value from previous) as previous, coalesce((select array_agg(id::text) from renewed), array[]::text[]) as renewed`);
  const [row] = rowsOf(result) as Array<{ previous: string | null; renewed: string[] | string }>;
  const previous = parseIdentity(row?.previous);
  return {
    renewed: new Set(parseTextArray(row?.renewed)),
    twin: previous && previous.incarnation !== incarnation ? previous.incarnation : null,
  };
}

// PGlite returns text[] as an array; some drivers return the literal `{a,b}`.
function parseTextArray(value: string[] | string | undefined): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",").map((v) => v.replace(/^"|"$/g, "")) : [];
}

export interface Takeover {
  /** Runs of dead predecessors (same instance id, another incarnation) made due now. */
  reclaimed: number;
  /** A live process beating under the same instance id, whose leases were left alone. */
  twin: string | null;
}

/**
 * At start: if the last incarnation that beat under this instance id is dead (no beat for `staleMs`), its
 * leases (and any older incarnation's) are freed at once instead of waiting out the lease. A recent beat may
 * be a predecessor that died a moment ago or a live twin (two processes configured with one id): we wait
 * until the beat would be stale and look again; a live twin has beaten meanwhile, and its leases are not
 * touched. The decision and the record are written under an advisory lock, so two processes starting at
 * once see each other.
 */
export async function takeOverIdentity(db: Db, instanceId: string, incarnation: string, staleMs: number): Promise<Takeover> {
  const first = await readIdentity(db, instanceId);
  if (first.record && first.record.incarnation !== incarnation) {
    const age = first.now - first.record.beatAt;
    if (age < staleMs) await new Promise((r) => setTimeout(r, staleMs - age + 50));
  }
  return db.transaction(async (tx) => {
    await lockKey(tx, `wf-instance:${instanceId}`);
    const { record, now } = await readIdentity(tx as unknown as Db, instanceId);
    const twin = record && record.incarnation !== incarnation && now - record.beatAt < staleMs ? record.incarnation : null;
    await tx.execute(sql`
      insert into ${workflowSettings} (key, value) values (${identityKey(instanceId)}, ${identityValue(incarnation)})
      on conflict (key) do update set value = excluded.value`);
    // Ids not heard from for a week (replaced hosts, renamed pods) leave no record behind.
    await tx.execute(sql`
      delete from ${workflowSettings}
      where key like 'instance:%' and (value::json ->> 'beatAt')::bigint < floor(extract(epoch from clock_timestamp()) * 1000) - ${FORGET_AFTER_MS}`);
    if (twin) return { reclaimed: 0, twin };
    const prefix = `${instanceId}/`;
    const freed = await tx
      .update(workflowRuns)
      .set({ leaseOwner: null, leaseExpiresAt: null, nextRunAt: sql`case when ${workflowRuns.nextRunAt} is null then null else now() end` })
      .where(
        and(
          isNotNull(workflowRuns.leaseExpiresAt),
          sql`left(${workflowRuns.leaseOwner}, ${prefix.length}) = ${prefix}`,
          ne(workflowRuns.leaseOwner, leaseOwnerOf(instanceId, incarnation)),
        ),
      )
      .returning({ id: workflowRuns.id });
    return { reclaimed: freed.length, twin: null };
  });
}

async function readIdentity(db: Db, instanceId: string): Promise<{ record: IdentityRecord | null; now: number }> {
  const [row] = await db
    .select({ value: workflowSettings.value, now: sql<string>`floor(extract(epoch from clock_timestamp()) * 1000)::bigint::text` })
    .from(sql`(select 1) as one`)
    .leftJoin(workflowSettings, eq(workflowSettings.key, identityKey(instanceId)));
  return { record: parseIdentity(row?.value), now: Number(row?.now) };
}
