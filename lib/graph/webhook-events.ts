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
  optin?: { type?: string; payload?: string; one_time_notif_token?: string; notification_messages_token?: string };
  delivery?: { mids?: string[]; watermark?: number };
  read?: { watermark?: number };
  reaction?: { mid?: string; action?: string; reaction?: string; emoji?: string };
  [other: string]: unknown;
}

export type EventKind = "message" | "echo" | "postback" | "referral" | "optin" | "delivery" | "read" | "reaction" | "other";

export function eventKind(event: MessagingEvent): EventKind {
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
    case "optin": {
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
