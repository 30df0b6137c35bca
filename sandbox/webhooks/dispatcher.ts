/**
 * Webhook delivery as Meta does it, per app: events are queued, batched into one POST (several entries,
 * possibly for several Pages of the app), signed over the exact bytes sent, and retried on any non-200
 * answer - a few times immediately, then with exponential back-off. If an app keeps failing for the
 * configured window (Meta: 1 h), its subscription is disabled and its queue dropped.
 * For tests, deliveries can be duplicated and reordered on demand.
 */
import type { SandboxClock } from "../clock";
import type { SandboxStore } from "../state/store";
import type { SandboxApp, SandboxPage } from "../state/types";
import { httpRequest } from "./http-post";
import { toMetaJson } from "./meta-json";
import type { MessagingEvent } from "./payloads";
import { signatureSha1, signatureSha256 } from "./signature";

export interface DeliveryOptions {
  /** Most entries in one POST. */
  maxBatchEntries: number;
  /** POSTs in flight per app; while all are busy, new events accumulate into bigger batches. */
  maxConcurrentPerApp: number;
  timeoutMs: number;
  immediateRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Continuous failure after which the app's subscription is disabled (Meta: 1 h). */
  disableAfterMs: number;
  /** Probability (0..1) that a delivered POST is delivered a second time. */
  duplicateRate: number;
  /** Shuffle entries within a batch and jitter POSTs so they arrive out of order. */
  reorder: boolean;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  maxBatchEntries: 20,
  maxConcurrentPerApp: 16,
  timeoutMs: 5_000,
  immediateRetries: 3,
  backoffBaseMs: 1_000,
  backoffMaxMs: 5 * 60_000,
  disableAfterMs: 60 * 60_000,
  duplicateRate: 0,
  reorder: false,
};

export type EventStatus = "queued" | "delivered" | "failed" | "no_callback" | "not_subscribed" | "app_disabled";

export interface WebhookEventRecord {
  seq: number;
  at: number;
  appId: string;
  pageId: string;
  psid: string;
  field: string;
  event: Record<string, unknown>;
  status: EventStatus;
  deliveryIds: number[];
}

export interface DeliveryRecord {
  id: number;
  appId: string;
  url: string;
  createdAt: number;
  status: "pending" | "delivered" | "dropped";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  duplicate: boolean;
  rawBody: string;
  signature256: string;
  eventSeqs: number[];
}

interface AppQueue {
  pending: WebhookEventRecord[];
  inFlight: number;
  flushScheduled: boolean;
}

export class WebhookDispatcher {
  readonly options: DeliveryOptions;
  private events: WebhookEventRecord[] = [];
  private deliveries: DeliveryRecord[] = [];
  private readonly eventsBySeq = new Map<number, WebhookEventRecord>();
  private readonly queues = new Map<string, AppQueue>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private eventSeq = 0;
  private deliverySeq = 0;
  private closed = false;

  constructor(
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
    options: Partial<DeliveryOptions> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.options = { ...DEFAULT_DELIVERY_OPTIONS, ...options };
  }

  /**
   * Queues an event for the Page's apps, or records why it was not sent. With Conversation Routing (other
   * apps connected, or a thread owned by another app) a person's events reach the thread owner under their
   * field and every other connected app as `standby`; events addressed to one app (`e.appId`: echoes,
   * messaging_handovers) go to that app only. Returns the record of the event for the thread owner.
   */
  emit(e: MessagingEvent): WebhookEventRecord | null {
    const page = this.store.pages.get(e.pageId);
    if (!page) return null;
    if (e.appId !== undefined) return this.emitTo(page, e.appId, e.field, e);
    // Fast path (benchmarks): one app and no thread passed anywhere.
    if (page.connectedApps.length === 0 && this.store.threadOwners.size === 0) return this.emitTo(page, page.appId, e.field, e);
    const user = this.store.users.get(e.psid);
    const owner = user ? this.store.threadOwner(user) : page.appId;
    let ownerRecord: WebhookEventRecord | null = null;
    for (const appId of [page.appId, ...page.connectedApps.map((c) => c.appId)]) {
      if (appId === owner) ownerRecord = this.emitTo(page, appId, e.field, e);
      else this.emitTo(page, appId, "standby", { ...e, event: standbyCopy(e.event) });
    }
    return ownerRecord;
  }

  private emitTo(page: SandboxPage, appId: string, field: string, e: MessagingEvent): WebhookEventRecord | null {
    const app = this.store.apps.get(appId);
    if (!app) return null;
    const fields = this.store.fieldsOf(page, appId) as string[] | null;
    let status: EventStatus = "queued";
    if (!fields?.includes(field)) status = "not_subscribed";
    else if (!app.callbackUrl) status = "no_callback";
    else if (!app.subscriptionActive) status = "app_disabled";
    const record: WebhookEventRecord = {
      seq: ++this.eventSeq,
      at: this.clock.now(),
      appId: app.id,
      pageId: e.pageId,
      psid: e.psid,
      field,
      event: e.event,
      status,
      deliveryIds: [],
    };
    this.events.push(record);
    this.eventsBySeq.set(record.seq, record);
    if (status === "queued") {
      const queue = this.queueOf(app.id);
      queue.pending.push(record);
      this.scheduleFlush(app.id, queue);
    }
    return record;
  }

  private queueOf(appId: string): AppQueue {
    let queue = this.queues.get(appId);
    if (!queue) this.queues.set(appId, (queue = { pending: [], inFlight: 0, flushScheduled: false }));
    return queue;
  }

  private scheduleFlush(appId: string, queue: AppQueue): void {
    if (queue.flushScheduled || this.closed) return;
    queue.flushScheduled = true;
    // setImmediate lets events emitted in the same tick share one POST, as Meta batches under load.
    setImmediate(() => {
      queue.flushScheduled = false;
      this.flush(appId, queue);
    });
  }

  private flush(appId: string, queue: AppQueue): void {
    const app = this.store.apps.get(appId);
    while (queue.pending.length && queue.inFlight < this.options.maxConcurrentPerApp) {
      const batch = queue.pending.splice(0, this.options.maxBatchEntries);
      if (!app || !app.callbackUrl || !app.subscriptionActive) {
        for (const event of batch) event.status = app?.subscriptionActive === false ? "app_disabled" : "no_callback";
        continue;
      }
      if (this.options.reorder) shuffle(batch, this.random);
      const body = toMetaJson({
        object: "page",
        // Events of threads another app owns travel under `standby` instead of `messaging`.
        entry: batch.map((event) =>
          event.field === "standby" ? { id: event.pageId, time: event.at, standby: [event.event] } : { id: event.pageId, time: event.at, messaging: [event.event] },
        ),
      });
      const delivery = this.newDelivery(app, body, batch.map((e) => e.seq), false);
      for (const event of batch) event.deliveryIds.push(delivery.id);
      queue.inFlight++;
      const jitter = this.options.reorder ? Math.floor(this.random() * 20) : 0;
      if (jitter) setTimeout(() => void this.attempt(app, delivery, queue), jitter);
      else void this.attempt(app, delivery, queue);
    }
  }

  private newDelivery(app: SandboxApp, rawBody: string, eventSeqs: number[], duplicate: boolean): DeliveryRecord {
    const delivery: DeliveryRecord = {
      id: ++this.deliverySeq,
      appId: app.id,
      url: app.callbackUrl ?? "",
      createdAt: this.clock.now(),
      status: "pending",
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: null,
      duplicate,
      rawBody,
      signature256: signatureSha256(app.secret, rawBody),
      eventSeqs,
    };
    this.deliveries.push(delivery);
    return delivery;
  }

  /** One POST attempt; holds the app's in-flight slot until the delivery succeeds or is dropped. */
  private async attempt(app: SandboxApp, delivery: DeliveryRecord, queue: AppQueue): Promise<void> {
    if (this.closed) return;
    delivery.attempts++;
    delivery.nextAttemptAt = null;
    let ok = false;
    try {
      const result = await httpRequest("POST", delivery.url, {
        timeoutMs: this.options.timeoutMs,
        body: delivery.rawBody,
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "facebookexternalua",
          "X-Hub-Signature": signatureSha1(app.secret, delivery.rawBody),
          "X-Hub-Signature-256": delivery.signature256,
        },
      });
      delivery.lastStatusCode = result.status;
      delivery.lastError = null;
      ok = result.status === 200;
      if (!ok) delivery.lastError = `HTTP ${result.status}`;
    } catch (error) {
      delivery.lastStatusCode = null;
      delivery.lastError = error instanceof Error ? error.message : String(error);
    }
    if (this.closed) return;
    if (ok) this.onDelivered(app, delivery, queue);
    else this.onFailed(app, delivery, queue);
  }

  private onDelivered(app: SandboxApp, delivery: DeliveryRecord, queue: AppQueue): void {
    delivery.status = "delivered";
    delivery.deliveredAt = this.clock.now();
    app.failingSince = null;
    for (const seq of delivery.eventSeqs) {
      const event = this.eventsBySeq.get(seq);
      if (event) event.status = "delivered";
    }
    queue.inFlight--;
    if (!delivery.duplicate && this.options.duplicateRate > 0 && this.random() < this.options.duplicateRate) {
      const copy = this.newDelivery(app, delivery.rawBody, delivery.eventSeqs, true);
      queue.inFlight++;
      void this.attempt(app, copy, queue);
    }
    this.flush(app.id, queue);
  }

  private onFailed(app: SandboxApp, delivery: DeliveryRecord, queue: AppQueue): void {
    const now = this.clock.now();
    app.failingSince ??= now;
    if (now - app.failingSince >= this.options.disableAfterMs) {
      this.disableApp(app, queue, now);
      delivery.status = "dropped";
      this.markEvents(delivery, "failed");
      queue.inFlight--;
      return;
    }
    const retriesSoFar = delivery.attempts - 1;
    const delay =
      retriesSoFar < this.options.immediateRetries
        ? 0
        : Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (retriesSoFar - this.options.immediateRetries));
    delivery.nextAttemptAt = now + delay;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      if (!app.subscriptionActive) {
        delivery.status = "dropped";
        this.markEvents(delivery, "failed");
        queue.inFlight--;
        return;
      }
      void this.attempt(app, delivery, queue);
    }, delay);
    this.retryTimers.add(timer);
  }

  /** Meta unsubscribes an app whose webhook failed continuously for the window; queued events are lost. */
  private disableApp(app: SandboxApp, queue: AppQueue, now: number): void {
    app.subscriptionActive = false;
    app.disabledAt = now;
    for (const event of queue.pending.splice(0)) event.status = "app_disabled";
    this.store.touch();
  }

  private markEvents(delivery: DeliveryRecord, status: EventStatus): void {
    for (const seq of delivery.eventSeqs) {
      const event = this.eventsBySeq.get(seq);
      if (event && event.status !== "delivered") event.status = status;
    }
  }

  /** Re-enables a disabled app (as re-subscribing in the dashboard would). */
  enableApp(app: SandboxApp): void {
    app.subscriptionActive = true;
    app.disabledAt = null;
    app.failingSince = null;
    this.store.touch();
  }

  listEvents(filter: { appId?: string; pageId?: string; psid?: string; field?: string; status?: string; since?: number; afterSeq?: number; limit?: number } = {}) {
    const matches = this.events.filter(
      (e) =>
        (filter.appId === undefined || e.appId === filter.appId) &&
        (filter.pageId === undefined || e.pageId === filter.pageId) &&
        (filter.psid === undefined || e.psid === filter.psid) &&
        (filter.field === undefined || e.field === filter.field) &&
        (filter.status === undefined || e.status === filter.status) &&
        (filter.since === undefined || e.at >= filter.since) &&
        (filter.afterSeq === undefined || e.seq > filter.afterSeq),
    );
    return { total: matches.length, records: filter.limit ? matches.slice(-filter.limit) : matches };
  }

  listDeliveries(filter: { appId?: string; status?: string; since?: number; limit?: number } = {}) {
    const matches = this.deliveries.filter(
      (d) =>
        (filter.appId === undefined || d.appId === filter.appId) &&
        (filter.status === undefined || d.status === filter.status) &&
        (filter.since === undefined || d.createdAt >= filter.since),
    );
    return { total: matches.length, records: filter.limit ? matches.slice(-filter.limit) : matches };
  }

  /** Resolves when nothing is queued, in flight or waiting for a retry (or after timeoutMs). */
  async idle(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      let busy = this.retryTimers.size > 0;
      for (const q of this.queues.values()) if (q.pending.length || q.inFlight || q.flushScheduled) busy = true;
      if (!busy) return true;
      await new Promise((r) => setTimeout(r, 5));
    }
    return false;
  }

  /** Forgets past events and deliveries; with keepPending, those still on their way are kept. */
  clearRecords(keepPending = true): void {
    this.events = keepPending ? this.events.filter((e) => e.status === "queued") : [];
    this.deliveries = keepPending ? this.deliveries.filter((d) => d.status === "pending") : [];
    this.eventsBySeq.clear();
    for (const e of this.events) this.eventsBySeq.set(e.seq, e);
  }

  /** Drops queues and timers (used by reset and close). */
  stop(): void {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.queues.clear();
  }

  close(): void {
    this.closed = true;
    this.stop();
  }
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** Meta leaves the payload out of postbacks delivered on the standby channel (the owner gets it). */
function standbyCopy(event: Record<string, unknown>): Record<string, unknown> {
  const postback = event.postback as Record<string, unknown> | undefined;
  if (!postback) return event;
  const { payload: _payload, ...rest } = postback;
  return { ...event, postback: rest };
}
