/**
 * Builders for the `messaging` events of Meta's Messenger webhooks, field for field as in Meta's
 * reference pages (messages, message_echoes, messaging_postbacks, messaging_referrals, messaging_optins,
 * message_deliveries, message_reads, message_reactions). The envelope ({object, entry}) is added by the
 * dispatcher, which batches events per app.
 */
import type { WebhookField } from "../state/types";

export interface MessagingEvent {
  field: WebhookField;
  pageId: string;
  /** The person (PSID) the event is about, for inspection filters. */
  psid: string;
  event: Record<string, unknown>;
  /** Deliver to this app only (echoes to the app that sent, messaging_handovers to the app concerned). */
  appId?: string;
}

const shortlinkReferral = (ref: string) => ({ ref, source: "SHORTLINK", type: "OPEN_THREAD" });

export function userMessage(
  pageId: string,
  psid: string,
  timestamp: number,
  message: { mid: string; text?: string; attachments?: unknown[]; quick_reply?: { payload: string }; reply_to?: { mid: string } },
): MessagingEvent {
  return { field: "messages", pageId, psid, event: { sender: { id: psid }, recipient: { id: pageId }, timestamp, message } };
}

/**
 * What the Page sent, echoed back. Meta echoes the content (text / attachments) but not quick replies,
 * and adds is_echo, app_id (a number) and the developer's metadata.
 */
export function messageEcho(
  pageId: string,
  psid: string,
  timestamp: number,
  appId: string,
  mid: string,
  sent: { text?: unknown; attachment?: unknown; metadata?: unknown },
): MessagingEvent {
  const message: Record<string, unknown> = { is_echo: true, app_id: Number(appId) };
  if (typeof sent.metadata === "string") message.metadata = sent.metadata;
  message.mid = mid;
  if (sent.text !== undefined) message.text = sent.text;
  if (sent.attachment !== undefined) message.attachments = [sent.attachment];
  return { field: "message_echoes", pageId, psid, appId, event: { sender: { id: pageId }, recipient: { id: psid }, timestamp, message } };
}

export function postback(
  pageId: string,
  psid: string,
  timestamp: number,
  body: { mid: string; title: string; payload: string; ref?: string },
): MessagingEvent {
  const postbackBody: Record<string, unknown> = { mid: body.mid, title: body.title, payload: body.payload };
  if (body.ref !== undefined) postbackBody.referral = shortlinkReferral(body.ref);
  return {
    field: "messaging_postbacks",
    pageId,
    psid,
    event: { sender: { id: psid }, recipient: { id: pageId }, timestamp, postback: postbackBody },
  };
}

export function shortlinkReferralEvent(pageId: string, psid: string, timestamp: number, ref: string): MessagingEvent {
  return {
    field: "messaging_referrals",
    pageId,
    psid,
    event: { sender: { id: psid }, recipient: { id: pageId }, timestamp, referral: shortlinkReferral(ref) },
  };
}

export function oneTimeNotifOptin(pageId: string, psid: string, timestamp: number, payload: string, token: string): MessagingEvent {
  return {
    field: "messaging_optins",
    pageId,
    psid,
    event: {
      sender: { id: psid },
      recipient: { id: pageId },
      timestamp,
      optin: { type: "one_time_notif_req", payload, one_time_notif_token: token },
    },
  };
}

/** What a notification_messages opt-in webhook says about the token (Meta's messaging_optins reference). */
export interface NotificationOptinBody {
  token: string;
  payload: string;
  title: string;
  frequency: string;
  timezone: string;
  expiresAt: number;
  userTokenStatus: "REFRESHED" | "NOT_REFRESHED";
}

/**
 * messaging_optins for recurring notifications: an opt-in, a re-opt-in (user_token_status REFRESHED) or, with
 * `status`, the person stopping or resuming notifications. Field order as in Meta's reference example.
 */
export function notificationMessagesOptin(
  pageId: string,
  psid: string,
  timestamp: number,
  body: NotificationOptinBody,
  status?: "STOP NOTIFICATIONS" | "RESUME NOTIFICATIONS",
): MessagingEvent {
  const optin: Record<string, unknown> = {
    type: "notification_messages",
    payload: body.payload,
    notification_messages_token: body.token,
    notification_messages_frequency: body.frequency,
    notification_messages_timezone: body.timezone,
    token_expiry_timestamp: body.expiresAt,
    user_token_status: body.userTokenStatus,
  };
  if (status) optin.notification_messages_status = status;
  optin.title = body.title;
  return { field: "messaging_optins", pageId, psid, event: { sender: { id: psid }, recipient: { id: pageId }, timestamp, optin } };
}

/** Documented without a top-level timestamp; `watermark` says "everything before this was delivered". */
export function delivery(pageId: string, psid: string, mids: string[], watermark: number): MessagingEvent {
  const deliveryBody: Record<string, unknown> = {};
  if (mids.length) deliveryBody.mids = mids;
  deliveryBody.watermark = watermark;
  return { field: "message_deliveries", pageId, psid, event: { sender: { id: psid }, recipient: { id: pageId }, delivery: deliveryBody } };
}

export function read(pageId: string, psid: string, timestamp: number, watermark: number): MessagingEvent {
  return {
    field: "message_reads",
    pageId,
    psid,
    event: { sender: { id: psid }, recipient: { id: pageId }, timestamp, read: { watermark } },
  };
}

export function reaction(
  pageId: string,
  psid: string,
  timestamp: number,
  body: { mid: string; reaction: string; emoji: string; action: "react" | "unreact" },
): MessagingEvent {
  return {
    field: "message_reactions",
    pageId,
    psid,
    event: {
      sender: { id: psid },
      recipient: { id: pageId },
      timestamp,
      reaction: { reaction: body.reaction, emoji: body.emoji, action: body.action, mid: body.mid },
    },
  };
}

/** messaging_handovers: control of the thread was passed to `appId` (delivered to the new owner). */
export function passThreadControl(pageId: string, psid: string, timestamp: number, appId: string, previousOwnerAppId: string, metadata?: string): MessagingEvent {
  const body: Record<string, unknown> = { previous_owner_app_id: previousOwnerAppId, new_owner_app_id: appId };
  if (metadata !== undefined) body.metadata = metadata;
  return { field: "messaging_handovers", pageId, psid, appId, event: { sender: { id: psid }, recipient: { id: pageId }, timestamp, pass_thread_control: body } };
}

/** messaging_handovers: control was taken from `previousOwnerAppId` (delivered to it). */
export function takeThreadControl(pageId: string, psid: string, timestamp: number, previousOwnerAppId: string, newOwnerAppId: string, metadata?: string): MessagingEvent {
  const body: Record<string, unknown> = { previous_owner_app_id: previousOwnerAppId, new_owner_app_id: newOwnerAppId };
  if (metadata !== undefined) body.metadata = metadata;
  return {
    field: "messaging_handovers",
    pageId,
    psid,
    appId: previousOwnerAppId,
    event: { sender: { id: psid }, recipient: { id: pageId }, timestamp, take_thread_control: body },
  };
}

/** messaging_handovers: `requestedOwnerAppId` asks for the thread (delivered to the primary app `toAppId`). */
export function requestThreadControl(pageId: string, psid: string, timestamp: number, toAppId: string, requestedOwnerAppId: string, metadata?: string): MessagingEvent {
  const body: Record<string, unknown> = { requested_owner_app_id: requestedOwnerAppId };
  if (metadata !== undefined) body.metadata = metadata;
  return { field: "messaging_handovers", pageId, psid, appId: toAppId, event: { sender: { id: psid }, recipient: { id: pageId }, timestamp, request_thread_control: body } };
}

/** messaging_handovers: the app's roles on the Page changed (no sender: it is about the Page, not a person). */
export function appRoles(pageId: string, timestamp: number, appId: string, roles: string[]): MessagingEvent {
  return { field: "messaging_handovers", pageId, psid: "", appId, event: { recipient: { id: pageId }, timestamp, app_roles: { [appId]: roles } } };
}
