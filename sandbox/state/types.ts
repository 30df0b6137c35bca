/** The sandbox's data model: what Meta knows about apps, Pages, Messenger users and their threads. */

/** Webhook fields a Page can subscribe an app to (subset of Meta's list that the sandbox emits). */
export const WEBHOOK_FIELDS = [
  "messages",
  "message_echoes",
  "message_deliveries",
  "message_reads",
  "message_reactions",
  "messaging_postbacks",
  "messaging_referrals",
  "messaging_optins",
] as const;
export type WebhookField = (typeof WEBHOOK_FIELDS)[number];

export interface SandboxApp {
  id: string;
  secret: string;
  name: string;
  callbackUrl: string | null;
  verifyToken: string | null;
  /** False once Meta-style auto-disable kicked in after continuous delivery failures. */
  subscriptionActive: boolean;
  disabledAt: number | null;
  /** Start of the current run of failed deliveries (null while deliveries succeed). */
  failingSince: number | null;
}

export type LatencyDistribution =
  | { kind: "none" }
  | { kind: "fixed"; ms: number }
  | { kind: "uniform"; minMs: number; maxMs: number }
  | { kind: "normal"; meanMs: number; stdDevMs: number }
  | { kind: "exponential"; meanMs: number };

export interface PageFaults {
  /** Graph calls per second allowed for this Page; 0 = unlimited. Beyond it: error 613. */
  rateLimitPerSecond: number;
  /** Probability (0..1) that a Graph call fails with a temporary error. */
  temporaryErrorRate: number;
  temporaryErrorCodes: number[];
  latency: LatencyDistribution;
}

export interface SandboxPage {
  id: string;
  name: string;
  username: string;
  accessToken: string;
  appId: string;
  tokenRevoked: boolean;
  /** Fields subscribed through POST /{page-id}/subscribed_apps; webhooks are sent only for these. */
  subscribedFields: WebhookField[];
  getStartedPayload: string;
  faults: PageFaults;
}

export interface SandboxUser {
  psid: string;
  pageId: string;
  firstName: string;
  lastName: string;
  locale: string;
  profilePic: string;
  blocked: boolean;
  /** True once the person has a conversation with the Page (decides postback-with-referral vs referral). */
  threadStarted: boolean;
  /** Last interaction that opens the 24 h window (message, postback, referral, opt-in). */
  lastInboundAt: number | null;
  createdAt: number;
}

/** One message in a thread, as the simulated user sees it. */
export interface ThreadMessage {
  mid: string;
  direction: "in" | "out";
  timestamp: number;
  /** Text or attachments from the user; the Send API `message` object for the Page's messages. */
  message?: Record<string, unknown>;
  senderAction?: string;
  /** For user-side events that are not messages (postback taps, referrals, opt-ins), a short label. */
  event?: string;
  /** Set once the user tapped Notify Me / opted in on this Page message. */
  optedIn?: boolean;
  deliveredAt?: number;
  readAt?: number;
}

export interface OneTimeNotifToken {
  token: string;
  pageId: string;
  psid: string;
  payload: string;
  title: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface NotificationMessagesToken {
  token: string;
  pageId: string;
  psid: string;
  title: string;
  payload: string;
  frequency: "DAILY" | "WEEKLY" | "MONTHLY";
  createdAt: number;
  expiresAt: number;
  stopped: boolean;
  lastSentAt: number | null;
}

/** A user access token (as from Facebook Login) granting access to some Pages via /me/accounts. */
export interface UserAccessToken {
  token: string;
  pageIds: string[];
  expiresAt: number | null;
}
