import { describeError } from "@/lib/log-error";
import { componentLogger } from "@/lib/observability/logger";
import type { Db } from "@/db/client";
import { driveRun, type DriverContext } from "./driver";
import { syncInBand } from "../protocol/serve-calls";
import { registerApp, type SyncResult } from "./registry";
import { claimRuns, fireDueCrons, nextDueAt, reclaimLeases, resolveDueWaits, wakeSlotWaiters } from "./scheduler";
import { heartbeat, leaseOwnerOf, newIncarnation, resolveInstanceId, takeOverIdentity } from "./leases";
import { recordExecutorLoop } from "./last-loop";

export interface ExecutorOptions {
  db: Db;
  /** The app's serve endpoint, e.g. http://127.0.0.1:3000/api/inngest */
  serveUrl: string;
  signingKey: string;
  /**
   * Stable across restarts of this instance, unique among live instances (default: INSTANCE_ID, else
   * `<hostname>:<PORT>`). Leases are owned by `<instanceId>/<incarnation>`; a restart frees its dead
   * predecessor's leases at once.
   */
  instanceId?: string;
  /** Lease of a claimed run (default 5 s), renewed by the heartbeat. */
  leaseMs?: number;
  /** Heartbeat: renews all of this instance's leases in one statement (default every second, at most a third of the lease). */
  heartbeatMs?: number;
  /** Longest pause between looks at the database (other instances' work, clock-driven wake-ups). */
  pollMs?: number;
  /** Runs driven at once by this instance. */
  maxConcurrentRuns?: number;
  /** Longest pause between tries while the database cannot be reached (default 10 s). */
  maxBackoffMs?: number;
  /** First retry delay; doubles per attempt, with jitter, capped at `maxRetryDelayMs`. */
  retryBaseMs?: number;
  maxRetryDelayMs?: number;
  maxDriveMs?: number;
  /** Sync (in-band PUT to the serve endpoint) when started, retrying until the endpoint answers. */
  syncOnStart?: boolean;
  /** Frees leases held by other owners at start; only safe when no other instance can exist (PGlite). */
  reclaimLeasesOnStart?: boolean;
  log?: DriverContext["log"];
  onTiming?: DriverContext["onTiming"];
}

/**
 * The built-in workflow executor: runs the app's unmodified Inngest functions by speaking Inngest's
 * public protocol to the app's own serve endpoint, keeping all state in the app's database.
 * Several instances may share one PostgreSQL database; leases keep each run on one driver at a time.
 */
export class WorkflowExecutor {
  readonly instanceId: string;
  /** This process's incarnation of the instance: `lease_owner` is `<instanceId>/<incarnation>`. */
  readonly incarnation = newIncarnation();
  private readonly heartbeatMs: number;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private lastBeatAt: number | null = null;
  private twinWarnedAt = 0;
  private beating = false;
  /** Runs being driven here, with when they were claimed (a heartbeat that started before the claim cannot see it). */
  private readonly driving = new Map<string, number>();
  /** Driven runs a heartbeat found no longer leased to this incarnation: their drivers stop. */
  private readonly lostLeases = new Set<string>();
  private readonly context: DriverContext;
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxConcurrentRuns: number;
  private readonly active = new Set<Promise<void>>();
  private running = false;
  private halted = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private syncing: Promise<SyncResult> | undefined;

  constructor(private readonly options: ExecutorOptions) {
    this.instanceId = options.instanceId ?? resolveInstanceId();
    const leaseMs = options.leaseMs ?? 5_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(50, Math.min(1_000, Math.floor(leaseMs / 3)));
    this.pollMs = options.pollMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.maxConcurrentRuns = options.maxConcurrentRuns ?? 32;
    const base = options.retryBaseMs ?? 1000;
    const cap = options.maxRetryDelayMs ?? 3_600_000;
    this.context = {
      db: options.db,
      owner: leaseOwnerOf(this.instanceId, this.incarnation),
      signingKey: options.signingKey,
      serveUrl: options.serveUrl,
      leaseMs,
      maxDriveMs: options.maxDriveMs ?? 30_000,
      // Exponential back-off with "equal jitter": half fixed, half random, so retries of many runs spread out.
      retryDelayMs: (attempt) => {
        const exp = Math.min(cap, base * 2 ** attempt);
        return Math.round(exp / 2 + Math.random() * (exp / 2));
      },
      halted: () => this.halted,
      leaseLost: (runId) => this.lostLeases.has(runId),
      log: options.log ?? defaultLog,
      ...(options.onTiming ? { onTiming: options.onTiming } : {}),
    };
  }

  start(): this {
    if (this.running) return this;
    this.running = true;
    this.loop = this.takeOver().then(() => {
      if (!this.running) return;
      this.heartbeatTimer = setInterval(() => void this.beat(), this.heartbeatMs);
      return this.run();
    });
    if (this.options.syncOnStart) void this.syncWithRetry();
    return this;
  }

  /**
   * Before claiming anything: frees the leases of this instance's dead predecessor (same id, older
   * incarnation) at once, or, with PGlite (one process per database), every lease. A database that is
   * down here only costs the shortcut: the leases then expire by themselves.
   */
  private async takeOver(): Promise<void> {
    const { db } = this.options;
    const owner = this.context.owner;
    try {
      if (this.options.reclaimLeasesOnStart) {
        await reclaimLeases(db, owner);
        return;
      }
      const { reclaimed, twin } = await takeOverIdentity(db, this.instanceId, this.incarnation, this.staleAfterMs());
      if (twin) this.warnTwin(twin);
      else if (reclaimed) this.context.log("info", `workflows: instance ${this.instanceId} took back ${reclaimed} run(s) its previous process held`);
    } catch (error) {
      this.context.log("warn", `workflows: could not take back the previous process's leases; they expire within ${this.context.leaseMs} ms: ${describeError(error)}`);
    }
  }

  /** A beat older than this means its process is dead (or stalled so long that its leases are forfeit anyway). */
  private staleAfterMs(): number {
    return Math.min(this.context.leaseMs, Math.round(this.heartbeatMs * 2.5));
  }

  /** One heartbeat tick: renews every lease of this incarnation in one statement and notes the runs it lost. */
  private async beat(): Promise<void> {
    // A tick still waiting for a slow database is not doubled: the next one would renew the same leases.
    if (this.beating || this.halted || (!this.running && this.active.size === 0)) return;
    this.beating = true;
    const tickStarted = Date.now();
    try {
      const { renewed, twin } = await heartbeat(this.options.db, this.instanceId, this.incarnation, this.context.leaseMs);
      if (this.halted) return;
      this.lastBeatAt = Date.now();
      for (const [runId, claimed] of this.driving) {
        // Another instance took the run (our lease had expired) or it was handed back: stop driving it.
        if (claimed < tickStarted && !renewed.has(runId)) this.lostLeases.add(runId);
      }
      if (twin) this.warnTwin(twin);
    } catch {
      // The database is unreachable: the scheduler loop logs the outage; leases then expire as they should.
    } finally {
      this.beating = false;
    }
  }

  private warnTwin(twin: string): void {
    if (Date.now() - this.twinWarnedAt < 60_000) return;
    this.twinWarnedAt = Date.now();
    this.context.log(
      "error",
      `workflows: another live process runs as instance ${this.instanceId} (incarnation ${twin}; this one is ${this.incarnation}). Each keeps its own leases, but a restart cannot take back its predecessor's runs at once: give every instance its own INSTANCE_ID (or PORT on one host).`,
    );
  }

  /** When the heartbeat last renewed this instance's leases (ms since epoch), or null before the first beat. */
  get lastHeartbeatAt(): number | null {
    return this.lastBeatAt;
  }

  /** In-band sync with the serve endpoint: stores the function configs, refusing unsupported features. */
  sync(): Promise<SyncResult> {
    this.syncing ??= (async () => {
      try {
        const { appId, functions } = await syncInBand(this.options.serveUrl, this.options.signingKey);
        const result = await registerApp(this.options.db, appId, functions, { kind: "in_band", serveUrl: this.options.serveUrl });
        this.context.log("info", `workflows: synced ${result.functions.length} function(s) of app ${appId}`);
        this.wake();
        return result;
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  private async syncWithRetry(): Promise<void> {
    for (let delay = 250; this.running; delay = Math.min(delay * 2, 10_000)) {
      try {
        await this.sync();
        return;
      } catch (error) {
        const refused = ["UnsupportedFeatureError", "SyncRefusedError"].includes((error as Error).name);
        this.context.log(refused ? "error" : "warn", `workflows: sync failed: ${describeError(error)}`);
        if (refused) return;
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  /** Looks for work now (an event was stored, a run was woken) instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Graceful stop: no new claims; runs being driven finish their current call. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.active]);
    clearInterval(this.heartbeatTimer);
  }

  /** Simulates a crash: stops at once, writes nothing more and leaves leases to expire. */
  kill(): void {
    this.halted = true;
    this.running = false;
    clearInterval(this.heartbeatTimer);
    this.wake();
  }

  get activeRuns(): number {
    return this.active.size;
  }

  private async run(): Promise<void> {
    const { db } = this.options;
    // Consecutive failed passes (the database is unreachable): the loop backs off instead of retrying
    // every poll, logs the outage once and its end once. Nothing is lost meanwhile: runs stay in the
    // database, and a run whose driver failed mid-step is taken up again when its lease expires.
    let failures = 0;
    let failingSince = 0;
    while (this.running) {
      recordExecutorLoop();
      this.woken = false;
      let didWork = false;
      try {
        didWork = (await fireDueCrons(db)) > 0 || didWork;
        didWork = (await resolveDueWaits(db)) > 0 || didWork;
        const free = this.maxConcurrentRuns - this.active.size;
        if (free > 0 && !this.halted) {
          const claimed = await claimRuns(db, this.context.owner, this.context.leaseMs, free, [...this.driving.keys()]);
          for (const run of claimed) {
            this.driving.set(run.id, Date.now());
            const drive: Promise<void> = driveRun(this.context, run)
              .catch((error: unknown) => this.context.log("error", `workflows: driving run ${run.id} failed; it is retried when its lease expires: ${describeError(error)}`))
              // Its slot is free now: the runs parked for it need not wait for their recheck (a killed executor writes nothing).
              .then(async () => {
                if (!this.halted) await wakeSlotWaiters(db, run);
              })
              .catch((error: unknown) => this.context.log("warn", `workflows: waking runs waiting for run ${run.id}'s slot failed; they are looked at again within seconds: ${describeError(error)}`))
              .finally(() => {
                this.active.delete(drive);
                this.driving.delete(run.id);
                this.lostLeases.delete(run.id);
                this.wake();
              });
            this.active.add(drive);
          }
          didWork = didWork || claimed.length > 0;
        }
        if (failures > 0) {
          this.context.log("info", `workflows: database reachable again after ${Math.round((Date.now() - failingSince) / 1000)} s; resuming`);
          failures = 0;
        }
      } catch (error) {
        if (!this.running) break;
        if (failures === 0) {
          failingSince = Date.now();
          this.context.log("error", `workflows: scheduler error, backing off until the database answers: ${describeError(error)}`);
        }
        failures++;
        await this.pause(Math.min(this.maxBackoffMs, this.pollMs * 2 ** Math.min(failures, 16)), false);
        continue;
      }
      if (!this.running) break;
      if (this.woken || didWork) continue;
      let delay = this.pollMs;
      // With every slot busy, a finishing drive wakes the loop; polling for due work would only spin.
      if (this.active.size < this.maxConcurrentRuns) {
        try {
          const due = await nextDueAt(db);
          if (due !== null) delay = Math.max(5, Math.min(this.pollMs, due - Date.now()));
        } catch {
          /* keep the poll delay */
        }
      }
      if (this.woken) continue;
      await this.pause(delay, true);
    }
  }

  /** Sleeps `ms`; a wake-up cuts it short if `wakeable` (while backing off, only stopping does). */
  private async pause(ms: number, wakeable: boolean): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        if (!wakeable && this.running) return;
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeUp = undefined;
  }
}

function defaultLog(level: "info" | "warn" | "error", message: string, extra?: Record<string, unknown>): void {
  componentLogger("workflows")[level](message, extra);
}
