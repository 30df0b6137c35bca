import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { workflowCrons, workflowFunctions, workflowSyncs } from "@/db/schema/workflows";
import { nextCronTime, parseCron } from "../parsers/cron";
import { SyncRefusedError } from "../workflow-errors";
import { toFunctionSpec, type FunctionSpec } from "../parsers/function-config";

export interface SyncResult {
  appId: string;
  functions: string[];
  modified: boolean;
}

export interface SyncSource {
  /** "in_band": the executor's signed PUT; "out_of_band": the register API (bearer of the hashed signing key). */
  kind: "in_band" | "out_of_band";
  /** The only serve endpoint functions may be called on: the app's own, from configuration. */
  serveUrl: string;
}

/** Origin and path of a URL, without its query (`?fnId=...&stepId=step`). */
export function endpointOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/**
 * Stores the functions of one app as received by a sync, replacing the app's previous set. Every config
 * is checked first: one unsupported feature (UnsupportedFeatureError) or one function served anywhere
 * but the configured serve endpoint (SyncRefusedError) refuses the whole sync, so the executor never runs
 * a function with part of its configuration ignored, nor sends a step call to a host a request named.
 * Every sync, accepted or refused, leaves a row in `workflow_syncs`.
 */
export async function registerApp(db: Db, appId: string, rawConfigs: Array<Record<string, unknown>>, source: SyncSource, now = new Date()): Promise<SyncResult> {
  const record = { appId, kind: source.kind, url: source.serveUrl, functionIds: rawConfigs.map((c) => String(c.id)), at: now };
  let specs: FunctionSpec[];
  try {
    specs = rawConfigs.map(toFunctionSpec);
    const expected = endpointOf(source.serveUrl);
    const elsewhere = specs.find((spec) => endpointOf(spec.url) !== expected);
    if (elsewhere) throw new SyncRefusedError(`Function "${elsewhere.id}" is served at ${endpointOf(elsewhere.url)}, not at the app's configured endpoint ${expected}`);
  } catch (error) {
    await db.insert(workflowSyncs).values({ ...record, outcome: "refused", reason: (error as Error).message });
    throw error;
  }
  const ids = specs.map((s) => s.id);
  let modified = false;
  await db.transaction(async (tx) => {
    const existing = await tx.select().from(workflowFunctions).where(eq(workflowFunctions.appId, appId));
    const before = new Map(existing.map((f) => [f.id, JSON.stringify(f.config)]));
    modified = existing.length !== specs.length || rawConfigs.some((c) => before.get(String(c.id)) !== JSON.stringify(c));
    if (ids.length) await tx.delete(workflowFunctions).where(and(eq(workflowFunctions.appId, appId), notInArray(workflowFunctions.id, ids)));
    else await tx.delete(workflowFunctions).where(eq(workflowFunctions.appId, appId));
    for (const [i, spec] of specs.entries()) {
      const row = { id: spec.id, appId, name: spec.name, url: spec.url, config: rawConfigs[i]!, updatedAt: now };
      await tx.insert(workflowFunctions).values(row).onConflictDoUpdate({ target: workflowFunctions.id, set: row });
    }
    await syncCrons(tx, specs, existing.map((f) => f.id), now);
    await tx.insert(workflowSyncs).values({ ...record, outcome: "accepted", modified });
  });
  invalidateFunctionCache();
  return { appId, functions: ids, modified };
}

/** Keeps one schedule row per (function, cron); an unchanged schedule keeps its next fire time. */
async function syncCrons(tx: DbOrTx, specs: FunctionSpec[], previousIds: string[], now: Date): Promise<void> {
  const allIds = [...new Set([...previousIds, ...specs.map((s) => s.id)])];
  const current = allIds.length ? await tx.select().from(workflowCrons).where(inArray(workflowCrons.functionId, allIds)) : [];
  const wanted = specs.flatMap((s) => s.triggers.flatMap((t) => ("cron" in t ? [{ functionId: s.id, cron: t.cron }] : [])));
  for (const row of current) {
    if (!wanted.some((w) => w.functionId === row.functionId && w.cron === row.cron)) {
      await tx.delete(workflowCrons).where(and(eq(workflowCrons.functionId, row.functionId), eq(workflowCrons.cron, row.cron)));
    }
  }
  for (const w of wanted) {
    if (current.some((row) => row.functionId === w.functionId && row.cron === w.cron)) continue;
    await tx.insert(workflowCrons).values({ ...w, nextAt: nextCronTime(parseCron(w.cron), now) }).onConflictDoNothing();
  }
}

// Synced functions change rarely; a short cache keeps event ingestion at one query per event.
const CACHE_MS = 1000;
const cache = new WeakMap<object, { at: number; specs: Promise<FunctionSpec[]> }>();

export function invalidateFunctionCache(): void {
  generation++;
}
let generation = 0;
const generations = new WeakMap<object, number>();

export async function loadFunctions(db: DbOrTx): Promise<FunctionSpec[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS && generations.get(db) === generation) return hit.specs;
  const specs = db
    .select()
    .from(workflowFunctions)
    .then((rows) => rows.map((r) => toFunctionSpec(r.config)));
  cache.set(db, { at: Date.now(), specs });
  generations.set(db, generation);
  specs.catch(() => cache.delete(db));
  return specs;
}

export async function loadFunction(db: DbOrTx, id: string): Promise<FunctionSpec | undefined> {
  return (await loadFunctions(db)).find((f) => f.id === id);
}
