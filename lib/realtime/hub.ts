import { getDatabase } from "@/db/client";
import { RateLimitedError, ServiceUnavailableError } from "@/lib/errors";
import { parseRealtimeEvent, personalDelivery, REALTIME_CHANNEL, type RealtimeEvent } from "./events";

/** One open stream: a browser tab of a signed-in member. */
export interface RealtimeSubscriber {
  orgId: string;
  userId: string;
  /** The member the stream is for (null for an API key): events addressed to one member reach only them. */
  membershipId?: string | null;
  /** Whether this member may hear of the event (agents: only their skill groups' channels). */
  accepts(event: RealtimeEvent): boolean;
  /**
   * The events of one flush this stream may hear, in the order they were published: written as one chunk. Every
   * stream that hears all of a flush's events is handed the same array (not to be changed).
   */
  deliver(events: readonly RealtimeEvent[]): void;
}

export interface HubLimits {
  /** Open streams per user across the instance: a few tabs, not an unbounded number of sockets. */
  perUser: number;
  /** Open streams on this instance; past it a new stream is refused (503) rather than slowing everyone. */
  total: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = { perUser: 8, total: 5_000 };

/**
 * How long NOTIFYs are gathered before they are handed to the streams. A webhook batch publishes one event per
 * conversation it touched, and each event goes to every stream of the organisation: 200 agents and 250 events a
 * second are 50,000 writes a second through the response pipe if sent one by one, which starves the webhook on
 * the same event loop; gathered for 100 ms they are at most 10 writes a second per stream, for at most 100 ms of latency.
 */
export const DEFAULT_FLUSH_MS = 100;

/**
 * Streams handed their events in one turn of the event loop. A flush to 200 streams of a busy organisation is
 * megabytes of socket writes; done in one turn it held webhook POSTs waiting behind it (the inbox bench's
 * acknowledgement p95 with agents listening was 5 times that without), so after each slice the loop takes
 * whatever else is waiting. Measured there: p99 with over without 4.96 in one turn, 1.48 at 25 streams a slice,
 * 0.94 at 8.
 */
export const STREAMS_PER_SLICE = 8;

type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

/**
 * The instance's fan-out: one LISTEN per process (not one per browser), and each NOTIFY handed to the
 * streams of its organisation whose member may see it. Events written by another instance on the same
 * PostgreSQL arrive the same way as this instance's own, so it does not matter which instance a webhook or
 * an agent's action landed on.
 */
export class RealtimeHub {
  private readonly byOrg = new Map<string, Set<RealtimeSubscriber>>();
  private readonly perUser = new Map<string, number>();
  private total = 0;
  private listening: Promise<() => Promise<void>> | undefined;
  private pending: RealtimeEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** The flush handing out its events, slice by slice: the next one waits for it, so each stream hears in order. */
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly listen: Listen,
    private readonly limits: HubLimits = DEFAULT_HUB_LIMITS,
    private readonly flushMs: number = DEFAULT_FLUSH_MS,
  ) {}

  get connections(): number {
    return this.total;
  }

  /** Registers a stream, once the instance is listening. Throws 429 past the per-user limit, 503 past the total. */
  async subscribe(subscriber: RealtimeSubscriber): Promise<() => void> {
    if ((this.perUser.get(subscriber.userId) ?? 0) >= this.limits.perUser) throw new RateLimitedError("realtime.errors.tooManyStreams", 30);
    if (this.total >= this.limits.total) throw new ServiceUnavailableError("realtime.errors.instanceFull", 30);
    await this.ensureListening();
    // Counted after the await: the checks above and the registration below happen in one turn of the loop.
    if ((this.perUser.get(subscriber.userId) ?? 0) >= this.limits.perUser) throw new RateLimitedError("realtime.errors.tooManyStreams", 30);
    let set = this.byOrg.get(subscriber.orgId);
    if (!set) this.byOrg.set(subscriber.orgId, (set = new Set()));
    set.add(subscriber);
    this.perUser.set(subscriber.userId, (this.perUser.get(subscriber.userId) ?? 0) + 1);
    this.total++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      set.delete(subscriber);
      if (set.size === 0 && this.byOrg.get(subscriber.orgId) === set) this.byOrg.delete(subscriber.orgId);
      const left = (this.perUser.get(subscriber.userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(subscriber.userId, left);
      else this.perUser.delete(subscriber.userId);
      this.total--;
    };
  }

  /** Takes one NOTIFY payload; it reaches the streams at the next flush (at most flushMs later). */
  dispatch(payload: string): void {
    const event = parseRealtimeEvent(payload);
    if (!event || !this.byOrg.has(event.orgId)) return;
    this.pending.push(event);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (!this.flushTimer && !this.flushing) this.flushTimer = setTimeout(() => void this.flush(), this.flushMs);
  }

  /**
   * Hands the gathered events to the streams that may see them, one call per stream, a slice of streams per turn
   * of the event loop. Resolves once every stream has had them; a flush asked for meanwhile follows it. Exposed
   * for tests.
   */
  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.flushing) return this.flushing.then(() => this.flush());
    const events = this.pending;
    this.pending = [];
    const flushing = this.handOut(events).finally(() => {
      this.flushing = undefined;
      if (this.pending.length > 0) this.scheduleFlush();
    });
    this.flushing = flushing;
    return flushing;
  }

  private async handOut(events: RealtimeEvent[]): Promise<void> {
    const byOrg = new Map<string, RealtimeEvent[]>();
    for (const event of events) {
      const list = byOrg.get(event.orgId);
      if (list) list.push(event);
      else byOrg.set(event.orgId, [event]);
    }
    let handed = 0;
    for (const [orgId, orgEvents] of byOrg) {
      // A snapshot: streams may open and close while the flush yields.
      const subscribers = [...(this.byOrg.get(orgId) ?? [])];
      for (const subscriber of subscribers) {
        if (handed > 0 && handed % STREAMS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
        handed++;
        if (!this.byOrg.get(orgId)?.has(subscriber)) continue;
        try {
          const heard = orgEvents.filter((event) => {
            // Addressed to one member: decided here, before any subscriber's own scope (which may accept everything).
            const personal = personalDelivery(event, subscriber.membershipId ?? null);
            return personal ?? subscriber.accepts(event);
          });
          // Streams that hear everything get the same list, so they can share one encoding of it.
          if (heard.length > 0) subscriber.deliver(heard.length === orgEvents.length ? orgEvents : heard);
        } catch {
          // One broken stream (its browser went away mid-write) must not keep the events from the others.
        }
      }
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending = [];
    const listening = this.listening;
    this.listening = undefined;
    if (listening) await (await listening.catch(() => async () => {}))();
  }

  private ensureListening(): Promise<unknown> {
    this.listening ??= this.listen(REALTIME_CHANNEL, (payload) => this.dispatch(payload)).catch((error: unknown) => {
      this.listening = undefined;
      throw error instanceof Error && "status" in error ? error : new ServiceUnavailableError();
    });
    return this.listening;
  }
}

const slot = globalThis as unknown as { __messengerDeskRealtimeHub?: RealtimeHub };

/** The process's hub, listening on the process database. */
export function getRealtimeHub(): RealtimeHub {
  slot.__messengerDeskRealtimeHub ??= new RealtimeHub(async (channel, onPayload) => (await getDatabase()).listen(channel, onPayload));
  return slot.__messengerDeskRealtimeHub;
}

/** Tests: forget the process's hub (after closing it) so the next one listens on the next test database. */
export async function resetRealtimeHub(): Promise<void> {
  const hub = slot.__messengerDeskRealtimeHub;
  slot.__messengerDeskRealtimeHub = undefined;
  await hub?.close();
}
