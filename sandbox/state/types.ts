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
  "messaging_handovers",
  "standby",
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
  /**
   * Meta's Human Agent permission (granted through App Review): without it a MESSAGE_TAG send with
   * HUMAN_AGENT fails. The demo app has it; new apps do not unless created with it.
   */
  humanAgentPermission: boolean;
  /**
   * App Review permissions of the Marketing Messages API: paid_marketing_messages (or marketing_messages_messenger)
   * and ads_management. Absent in state saved before they existed: not granted.
   */
  marketingMessagesPermission?: boolean;
  adsManagementPermission?: boolean;
}

/** Meta's Page Inbox, a possible thread owner on every Page (Conversation Routing / handover). */
export const PAGE_INBOX_APP_ID = "263902037430900";

/** Another app connected to a Page (Conversation Routing): it has its own Page token and webhook fields. */
export interface ConnectedApp {
  appId: string;
  accessToken: string;
  subscribedFields: WebhookField[];
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
  /** Apps other than `appId` (the primary / default app) connected to the Page. */
  connectedApps: ConnectedApp[];
  /** Conversation Routing configured (take_thread_control needs it, else error 27). */
  routingEnabled: boolean;
  /** What POST /me/messenger_profile set (absent in state saved before it existed: nothing set). */
  messengerProfile?: SandboxMessengerProfile;
  /** Where the Page's audience is (decides recurring notifications and marketing messages); absent: "US". */
  region?: PageRegion;
  /** ISO country of the business behind the Page (Marketing Messages serves only some); absent: "US". */
  businessCountry?: string;
}

/** Meta's regions for recurring notifications and marketing messages ("EU" stands for the whole Union). */
export const PAGE_REGIONS = ["US", "EU", "UK", "JP", "KR", "AU", "CN", "BR", "IN", "OTHER"] as const;
export type PageRegion = (typeof PAGE_REGIONS)[number];

export type SandboxMenuItem = { type: "postback"; title: string; payload: string } | { type: "web_url"; title: string; url: string; webview_height_ratio?: string };

/** A Page's Messenger profile in Meta's own field names, as GET /me/messenger_profile answers it. */
export interface SandboxMessengerProfile {
  get_started?: { payload: string };
  greeting?: { locale: string; text: string }[];
  persistent_menu?: { locale: string; composer_input_disabled: boolean; call_to_actions: SandboxMenuItem[] }[];
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
  /** IANA time zone the person's Messenger reports (notification_messages_timezone); absent: "UTC". */
  timezone?: string;
  /** The Page admin's own Messenger account: opting in to a notification_messages request registers its topic. */
  pageAdmin?: boolean;
}

/** What the Page's sender actions left in a thread: the typing bubble and the "seen" mark. */
export interface SenderActionState {
  typing: boolean;
  /** When typing_on was sent (the bubble disappears after 20 s or with the next message, as in Messenger). */
  typingSince: number | null;
  /** Last mark_seen: everything the person sent until then shows as seen. */
  seenAt: number | null;
  history: { action: string; at: number; appId: string }[];
}

/** A file saved with the Attachment Upload API (or a send with is_reusable), reusable by attachment_id. */
export interface SavedAttachment {
  id: string;
  pageId: string;
  type: "image" | "audio" | "video" | "file";
  /** Where the person's Messenger fetches it: the source URL, or the sandbox's copy of an uploaded file. */
  url: string;
  reusable: boolean;
  createdAt: number;
  /** For uploaded files (multipart `filedata`). */
  fileName?: string;
  contentType?: string;
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
  /** A Marketing Messages message: the campaign it was sent in (not organic thread activity). */
  campaignId?: string;
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

export type NotificationFrequency = "DAILY" | "WEEKLY" | "MONTHLY";

/**
 * A recurring-notification opt-in (Meta's notification_messages token). The same token is the subscription
 * token of the Marketing Messages API (GET /{page-id}/notification_message_tokens lists them).
 */
export interface NotificationMessagesToken {
  token: string;
  pageId: string;
  psid: string;
  title: string;
  payload: string;
  frequency: NotificationFrequency;
  createdAt: number;
  expiresAt: number;
  /** The person tapped "Stop notifications" (or unsubscribed from the Page's marketing messages). */
  stopped: boolean;
  /** Last recurring notification sent with the token (cadence and the 48 h gap count from it). */
  lastSentAt: number | null;
  /** Absent in state saved before these existed: "UTC", "ENABLED", "NOT_REFRESHED". */
  timezone?: string;
  reoptin?: "ENABLED" | "DISABLED";
  userTokenStatus?: "REFRESHED" | "NOT_REFRESHED";
}

/** A topic the Page may ask people to subscribe to: registered once the Page's admin opted in to it themselves. */
export interface NotificationTopic {
  pageId: string;
  title: string;
  frequency: NotificationFrequency;
  payload: string;
  registeredAt: number;
  /** The admin's PSID whose opt-in registered it. */
  registeredBy: string;
}

/** An ad account (act_<id>): Marketing Messages campaigns are billed to it, so it needs a payment method. */
export interface AdAccount {
  id: string;
  name: string;
  hasPaymentMethod: boolean;
  currency: string;
}

/** A Marketing Messages campaign (POST act_<id>/message_campaign). Budgets in cents, times in epoch ms. */
export interface MessageCampaign {
  id: string;
  adAccountId: string;
  pageId: string;
  name: string;
  status: "ACTIVE" | "PAUSED";
  dailyBudget: number | null;
  lifetimeBudget: number | null;
  startTime: number;
  endTime: number | null;
  createdAt: number;
}

/** A user access token (as from Facebook Login) granting access to some Pages via /me/accounts. */
export interface UserAccessToken {
  token: string;
  /** The Pages chosen in the login dialog (the user must still have a role on them to list them). */
  pageIds: string[];
  expiresAt: number | null;
  /** The app the token was issued to (absent on the legacy demo token: the demo app). */
  appId?: string;
  /** The Facebook user who logged in (absent on the legacy demo token: the demo Facebook user). */
  userId?: string;
  /** Permissions granted / declined in the dialog (absent on the legacy demo token: all of the platform's). */
  scopes?: string[];
  declined?: string[];
}

/** A simulated Facebook user (a person who logs in with Facebook) and the Pages they have a role on. */
export interface FacebookUser {
  id: string;
  name: string;
  pageIds: string[];
  /** Tasks per Page id (Meta's Page roles as tasks); a Page missing here has all tasks. */
  tasks: Record<string, string[]>;
}

/** An authorization code from the login dialog: single use, 10 minutes, bound to the app and redirect_uri. */
export interface AuthCode {
  code: string;
  appId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  declined: string[];
  pageIds: string[];
  expiresAt: number;
  usedAt: number | null;
}

/** A Page token killed through the control API: every call with it answers 190 with this subcode. */
export interface DeadToken {
  token: string;
  pageId: string;
  appId: string;
  subcode: number;
  at: number;
}

/** Who a Page token was handed to (debug_token's user_id and scopes). */
export interface PageTokenGrant {
  token: string;
  userId: string;
  scopes: string[];
}
