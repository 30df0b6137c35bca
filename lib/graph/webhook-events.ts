import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";

/** One entry of `entry[].messaging[]` as Meta sends it; only the fields we route and dedupe on are typed. */
export interface MessagingEvent {
  sender?: { id?: string };
  recipient?: { id?: string };
  timestamp?: number;
  message?: { mid?: string; is_echo?: boolean; text?: string; app_id?: number | string };
  postback?: { mid?: string; title?: string; payload?: string; referral?: { ref?: string } };
  referral?: { ref?: string; source?: string; type?: string };
  optin?: {
    type?: string;
    payload?: string;
    one_time_notif_token?: string;
    notification_messages_token?: string;
    /** notification_messages: DAILY | WEEKLY | MONTHLY. */
    notification_messages_frequency?: string;
    notification_messages_timezone?: string;
    /** notification_messages: when the token expires (ms). */
    token_expiry_timestamp?: number;
    /** notification_messages: REFRESHED when the person accepted the re-opt-in (same token, new expiry). */
    user_token_status?: string;
    /** notification_messages: present only when the person stops or resumes notifications. */
    notification_messages_status?: string;
    /** notification_messages: the topic. */
    title?: string;
  };
  delivery?: { mids?: string[]; watermark?: number };
  read?: { watermark?: number };
  reaction?: { mid?: string; action?: string; reaction?: string; emoji?: string };
  /** messaging_handovers (Conversation Routing). */
  pass_thread_control?: { new_owner_app_id?: string | number; previous_owner_app_id?: string | number; metadata?: string };
  take_thread_control?: { new_owner_app_id?: string | number; previous_owner_app_id?: string | number; metadata?: string };
  request_thread_control?: { requested_owner_app_id?: string | number; metadata?: string };
  [other: string]: unknown;
}

/**
 * How an event is stored (webhook_events.kind). `standby` is any event of a thread another app controls
 * (Conversation Routing delivers them under `entry[].standby`, not `messaging`); its own kind is read again
 * from the payload when it is processed. `handover` is a messaging_handovers event.
 */
export type EventKind = "message" | "echo" | "postback" | "referral" | "optin" | "delivery" | "read" | "reaction" | "standby" | "handover" | "other";

export function eventKind(event: MessagingEvent): EventKind {
  if (event.pass_thread_control || event.take_thread_control || event.request_thread_control) return "handover";
  if (event.message) return event.message.is_echo ? "echo" : "message";
  if (event.postback) return "postback";
  if (event.referral) return "referral";
  if (event.optin) return "optin";
  if (event.delivery) return "delivery";
  if (event.read) return "read";
  if (event.reaction) return "reaction";
  return "other";
}

/** The Messenger user the event is about: the sender, except for echoes, which the Page sent to the user. */
export function contactPsid(event: MessagingEvent, kind: EventKind): string {
  return (kind === "echo" ? event.recipient?.id : event.sender?.id) ?? "";
}

/** The handover an event is: pass, take or request. */
export function handoverOf(event: MessagingEvent): { type: "pass" | "take" | "request"; newOwnerAppId: string | null; metadata: string | null } | null {
  if (event.pass_thread_control) return { type: "pass", newOwnerAppId: idOf(event.pass_thread_control.new_owner_app_id), metadata: event.pass_thread_control.metadata ?? null };
  if (event.take_thread_control) return { type: "take", newOwnerAppId: idOf(event.take_thread_control.new_owner_app_id), metadata: event.take_thread_control.metadata ?? null };
  if (event.request_thread_control) return { type: "request", newOwnerAppId: idOf(event.request_thread_control.requested_owner_app_id), metadata: event.request_thread_control.metadata ?? null };
  return null;
}

// Meta sends app ids as numbers in some events and strings in others; they are compared as strings.
const idOf = (value: string | number | undefined): string | null => (value === undefined || value === null || value === "" ? null : String(value));

/** The key of a standby event: its own key (so a mid stays unique) marked as standby. */
export function standbyDedupeKey(pageId: string, event: MessagingEvent): string {
  return `standby:${dedupeKey(pageId, event, eventKind(event))}`;
}

/**
 * A key that is the same for every redelivery of one event and different for different events: the mid
 * where Meta gives one, otherwise Page, user, kind and timestamp or watermark (platform-facts: dedupe by mid).
 */
export function dedupeKey(pageId: string, event: MessagingEvent, kind: EventKind): string {
  const psid = contactPsid(event, kind);
  switch (kind) {
    case "message":
    case "echo":
      if (event.message?.mid) return `mid:${event.message.mid}`;
      break;
    case "postback":
      if (event.postback?.mid) return `mid:${event.postback.mid}`;
      return `postback:${psid}:${event.timestamp}:${event.postback?.payload ?? ""}`;
    case "delivery":
      return `delivery:${psid}:${event.delivery?.watermark}`;
    case "read":
      return `read:${psid}:${event.read?.watermark}`;
    case "reaction":
      return `reaction:${psid}:${event.reaction?.mid}:${event.reaction?.action}:${event.reaction?.reaction ?? event.reaction?.emoji}:${event.timestamp}`;
    case "handover": {
      const handover = handoverOf(event);
      return `handover:${psid}:${handover?.type}:${event.timestamp}:${handover?.newOwnerAppId ?? ""}`;
    }
    case "optin": {
      const change = notificationMessagesChangeOf(event);
      // One token makes several events (opt-in, stops, resumes, refreshes): only its opt-in keys on the token alone.
      if (change && change.change !== "optin") return `optin:${sha256Hex(change.token)}:${change.change}:${change.change === "refresh" ? change.expiresAt : event.timestamp}`;
      const token = event.optin?.one_time_notif_token ?? event.optin?.notification_messages_token;
      if (token) return `optin:${sha256Hex(token)}`;
      break;
    }
  }
  return `${kind}:${pageId}:${psid}:${event.timestamp}:${sha256Hex(JSON.stringify(event)).slice(0, 16)}`;
}

/** The event as stored: opt-in tokens are secrets (each one buys a message), so they are sealed at rest. */
export function storablePayload(event: MessagingEvent): MessagingEvent {
  if (!event.optin) return event;
  const optin = { ...event.optin } as Record<string, unknown>;
  for (const field of ["one_time_notif_token", "notification_messages_token"]) {
    if (typeof optin[field] === "string") {
      optin[`${field}_sealed`] = seal(optin[field] as string);
      delete optin[field];
    }
  }
  return { ...event, optin } as MessagingEvent;
}

/** What a `notification_messages` opt-in event does to its token (recurring notifications, platform-facts). */
export interface NotificationMessagesChange {
  /** optin: a new token; stop / resume: the person's STOP / RESUME NOTIFICATIONS; refresh: the re-opt-in (REFRESHED). */
  change: "optin" | "stop" | "resume" | "refresh";
  token: string;
  topic: string | null;
  frequency: "daily" | "weekly" | "monthly" | null;
  timeZone: string | null;
  /** Null when Meta gave no (numeric) expiry. */
  expiresAt: number | null;
  payload: string | null;
}

const FREQUENCIES = new Set(["daily", "weekly", "monthly"]);

/**
 * The recurring-notification change an event carries, if it is one. STOP and RESUME carry the token too: they
 * are never opt-ins (the status field says so, and it wins over user_token_status).
 */
export function notificationMessagesChangeOf(event: MessagingEvent): NotificationMessagesChange | null {
  const optin = event.optin;
  if (!optin || optin.type !== "notification_messages" || typeof optin.notification_messages_token !== "string" || optin.notification_messages_token === "") return null;
  const change = notificationMessagesChangeKind(optin);
  const frequency = typeof optin.notification_messages_frequency === "string" ? optin.notification_messages_frequency.toLowerCase() : "";
  const expiry = Number(optin.token_expiry_timestamp);
  return {
    change,
    token: optin.notification_messages_token,
    topic: typeof optin.title === "string" && optin.title !== "" ? optin.title : null,
    frequency: FREQUENCIES.has(frequency) ? (frequency as NotificationMessagesChange["frequency"]) : null,
    timeZone: typeof optin.notification_messages_timezone === "string" && optin.notification_messages_timezone !== "" ? optin.notification_messages_timezone : null,
    expiresAt: Number.isFinite(expiry) && expiry > 0 ? expiry : null,
    payload: typeof optin.payload === "string" ? optin.payload : null,
  };
}

/** Which change a notification_messages opt-in is, from its status fields (the token is not needed: stored payloads have it sealed). */
export function notificationMessagesChangeKind(optin: NonNullable<MessagingEvent["optin"]>): NotificationMessagesChange["change"] {
  const status = optin.notification_messages_status;
  if (status === "STOP NOTIFICATIONS") return "stop";
  if (status === "RESUME NOTIFICATIONS") return "resume";
  return optin.user_token_status === "REFRESHED" ? "refresh" : "optin";
}
