/** What the Graph API handlers need: the store, the clock, the send log, the webhook dispatcher, faults. */
import type { SandboxClock } from "../clock";
import type { SandboxStore } from "../state/store";
import type { SandboxPage, SandboxUser } from "../state/types";
import type { WebhookDispatcher } from "../webhooks/dispatcher";
import type { FaultInjector } from "./faults";
import type { SendLog } from "./send-log";

export interface GraphContext {
  store: SandboxStore;
  clock: SandboxClock;
  sendLog: SendLog;
  dispatcher: WebhookDispatcher;
  faults: FaultInjector;
  /** Hook for automatic delivery/read receipts (off unless configured). */
  onPageMessage?: (page: SandboxPage, user: SandboxUser, mid: string) => void;
}
