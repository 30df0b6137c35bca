/**
 * The sandbox's core, independent of HTTP: state, clock, Graph handlers, webhook dispatcher, simulated
 * users and inspection. The HTTP server (server.ts) is a thin layer over this; in-process tests can use
 * these objects directly.
 */
import { SandboxClock } from "./clock";
import type { GraphContext } from "./graph/context";
import { FaultInjector } from "./graph/faults";
import { SendLog } from "./graph/send-log";
import { ThreadControl } from "./graph/thread-control";
import { ensureDemo } from "./state/demo";
import { StatePersistence } from "./state/persistence";
import { SandboxStore } from "./state/store";
import { BulkActions } from "./users/bulk";
import { UserSimulator } from "./users/simulator";
import { SubscriptionSimulator } from "./users/subscriptions";
import { WebhookDispatcher, type DeliveryOptions } from "./webhooks/dispatcher";

export interface SandboxCoreOptions {
  /** Base URL of the Messenger Desk app; the demo app's callback is `${appUrl}/facebook/webhook/<page id>`. */
  appUrl?: string;
  /** JSON file to load state from and save it to (debounced). */
  stateFile?: string;
  /** Default calls/s limit for new Pages (0 = unlimited; Meta's documented figure is 300). */
  defaultRateLimitPerSecond?: number;
  webhooks?: Partial<DeliveryOptions>;
  /** Source of real time for the sandbox clock (tests may pin it). */
  now?: () => number;
  random?: () => number;
  /** Emit message_deliveries / message_reads automatically after each Page message (off by default). */
  autoReceipts?: { delivery?: boolean; read?: boolean };
}

export class SandboxCore {
  readonly clock: SandboxClock;
  readonly store: SandboxStore;
  readonly sendLog = new SendLog();
  readonly faults: FaultInjector;
  readonly webhooks: WebhookDispatcher;
  readonly users: UserSimulator;
  readonly bulk: BulkActions;
  /** Recurring-notification opt-ins, m.me/rn links, stop/resume, re-opt-in, marketing subscribers. */
  readonly subscriptions: SubscriptionSimulator;
  readonly graph: GraphContext;
  readonly threadControl: ThreadControl;
  readonly appUrl: string;
  /** The sandbox's own URL once it listens (files uploaded to it are served from there). */
  publicUrl = "";
  readonly autoReceipts: { delivery: boolean; read: boolean };
  private readonly persistence: StatePersistence | null;

  constructor(options: SandboxCoreOptions = {}) {
    this.appUrl = options.appUrl ?? "http://localhost:3000";
    this.clock = new SandboxClock(options.now);
    this.store = new SandboxStore(options.defaultRateLimitPerSecond ?? 0);
    this.faults = new FaultInjector(options.random);
    this.webhooks = new WebhookDispatcher(this.store, this.clock, options.webhooks, options.random);
    this.users = new UserSimulator(this.store, this.clock, this.webhooks);
    this.bulk = new BulkActions(this.store, this.users, this.clock);
    this.subscriptions = new SubscriptionSimulator(this.store, this.clock, this.webhooks, this.users);
    this.users.subscriptions = this.subscriptions;
    this.autoReceipts = { delivery: options.autoReceipts?.delivery ?? false, read: options.autoReceipts?.read ?? false };
    this.threadControl = new ThreadControl(this.store, this.webhooks, () => this.clock.now());
    this.graph = {
      store: this.store,
      clock: this.clock,
      sendLog: this.sendLog,
      dispatcher: this.webhooks,
      faults: this.faults,
      threadControl: this.threadControl,
      onPageMessage: (_page, user) => {
        this.emitAutoReceipts(user.psid);
        if (this.users.auto.size) this.users.onPageMessage(user.psid);
      },
      publicUrl: () => this.publicUrl,
    };
    this.persistence = options.stateFile ? new StatePersistence(this.store, options.stateFile) : null;
    this.persistence?.load();
    ensureDemo(this.store, this.appUrl);
    this.persistence?.attach();
  }

  private emitAutoReceipts(psid: string): void {
    if (!this.autoReceipts.delivery && !this.autoReceipts.read) return;
    // After the current call returns, as a phone would acknowledge a moment later.
    setImmediate(() => {
      if (this.autoReceipts.delivery) this.users.deliver(psid);
      if (this.autoReceipts.read) this.users.read(psid);
    });
  }

  /** Back to a fresh sandbox holding only the demo app and Page. */
  reset(): void {
    this.webhooks.stop();
    this.users.stopAuto();
    this.threadControl.clear();
    this.webhooks.clearRecords(false);
    this.sendLog.clear();
    this.faults.reset();
    this.clock.reset();
    this.store.clear();
    ensureDemo(this.store, this.appUrl);
  }

  close(): void {
    this.users.stopAuto();
    this.webhooks.close();
    this.persistence?.flush();
  }
}
