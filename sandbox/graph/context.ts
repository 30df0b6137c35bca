/** What the Graph API handlers need: the store, the clock, the send log, the webhook dispatcher, faults. */
import type { SandboxClock } from "../clock";
import type { SandboxStore } from "../state/store";
import type { SandboxPage, SandboxUser } from "../state/types";
import type { WebhookDispatcher } from "../webhooks/dispatcher";
import type { FaultInjector } from "./faults";
import type { SendLog } from "./send-log";
import type { ThreadControl } from "./thread-control";

export interface GraphContext {
  store: SandboxStore;
  clock: SandboxClock;
  sendLog: SendLog;
  dispatcher: WebhookDispatcher;
  faults: FaultInjector;
  threadControl: ThreadControl;
  /** Hook for automatic delivery/read receipts (off unless configured). */
  onPageMessage?: (page: SandboxPage, user: SandboxUser, mid: string) => void;
  /** The sandbox's own base URL (for files it serves); empty until the server listens. */
  publicUrl?: () => string;
}
