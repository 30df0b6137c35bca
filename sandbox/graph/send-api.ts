/**
 * The Send API (POST /me/messages, POST /{page-id}/messages) with Meta's policy: the 24 h window from the
 * person's last interaction (HUMAN_AGENT tag: 7 days, and only for apps with the Human Agent permission;
 * since 2026 every other tag fails with 100), Conversation Routing (only the thread owner may send:
 * 10/2018300), sender actions kept per thread, attachments by attachment_id, single-use one-time
 * notification tokens that expire after a year, notification_messages tokens, blocked people (551), and
 * parameter errors (100). This is the hot path of every benchmark, so it does no I/O and little allocation.
 */
import { DAY_MS } from "../clock";
import { newMessageId } from "../ids";
import type { SandboxPage, SandboxUser } from "../state/types";
import { messageEcho } from "../webhooks/payloads";
import { isUploadedFile, resolveMessageAttachment } from "./attachments";
import { GraphError, graphErrors } from "./graph-error";
import { validateMessage } from "./message-validation";
import type { GraphContext } from "./context";
import { jsonParam } from "./json-param";
import { checkNotificationRequest, resolveNotificationToken } from "./recurring";
import type { TokenKind } from "./send-log";

const MESSAGING_TYPES = new Set(["RESPONSE", "UPDATE", "MESSAGE_TAG"]);
/** Typing bubbles vanish after 20 s without a message (Meta's sender actions reference). */
export const TYPING_TIMEOUT_MS = 20_000;
const SENDER_ACTION_HISTORY = 50;
const SENDER_ACTIONS = new Set(["typing_on", "typing_off", "mark_seen"]);
const STANDARD_WINDOW_MS = DAY_MS;
const HUMAN_AGENT_WINDOW_MS = 7 * DAY_MS;

export interface SendResult {
  status: number;
  body: unknown;
}

type Params = Record<string, unknown>;

/** `appId`: the app whose Page token made the call (the Page's default app unless another app is connected). */
export function handleSend(ctx: GraphContext, page: SandboxPage, pathPageId: string | null, params: Params, appId: string = page.appId): SendResult {
  const now = ctx.clock.now();
  const recipient = jsonParam(params.recipient);
  const message = jsonParam(params.message);
  const senderAction = params.sender_action;
  const messagingType = typeof params.messaging_type === "string" ? params.messaging_type : null;
  const tag = typeof params.tag === "string" ? params.tag : null;
  const r = (typeof recipient === "object" && recipient !== null ? recipient : {}) as Record<string, unknown>;
  const token =
    typeof r.one_time_notif_token === "string" ? r.one_time_notif_token : typeof r.notification_messages_token === "string" ? r.notification_messages_token : null;
  let kind = senderAction !== undefined ? `sender_action:${String(senderAction)}` : "unknown";
  let psid: string | null = typeof r.id === "string" || typeof r.id === "number" ? String(r.id) : null;

  try {
    if (pathPageId !== null && pathPageId !== page.id) throw graphErrors.unknownObject(pathPageId);
    if (recipient === undefined) throw graphErrors.invalidParameter("The parameter recipient is required");
    if (typeof recipient !== "object" || recipient === null) throw graphErrors.invalidParameter("param recipient must be a JSON object");
    if (message !== undefined && senderAction !== undefined) throw graphErrors.bothMessageAndAction();
    if (message === undefined && senderAction === undefined) throw graphErrors.invalidParameter("The parameter message is required");
    if (messagingType !== null && !MESSAGING_TYPES.has(messagingType)) {
      throw graphErrors.invalidParameter("param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
    }
    // 2026: CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE and ACCOUNT_UPDATE are retired; only HUMAN_AGENT remains.
    if ((messagingType === "MESSAGE_TAG" || tag !== null) && tag !== "HUMAN_AGENT") throw graphErrors.invalidTag();
    if (senderAction !== undefined) {
      if (!SENDER_ACTIONS.has(String(senderAction))) throw graphErrors.invalidParameter("param sender_action must be one of {typing_on, typing_off, mark_seen}");
    } else {
      kind = validateMessage(message, isUploadedFile(params.filedata));
    }
    if (tag === "HUMAN_AGENT" && !ctx.store.apps.get(appId)?.humanAgentPermission) throw graphErrors.humanAgentNotPermitted();

    const user = resolveRecipient(ctx, page, r, now);
    psid = user.psid;
    if (user.blocked) throw graphErrors.userUnavailable();
    if (ctx.store.threadOwner(user) !== appId) throw graphErrors.notThreadOwner();
    if (r.id !== undefined) checkWindow(user, now, messagingType, tag);
    if (kind === "template:notification_messages") {
      checkNotificationRequest(ctx, page, user, (message as { attachment: { payload: Record<string, unknown> } }).attachment.payload, now);
    }
    if (senderAction !== undefined) {
      recordSenderAction(ctx, psid, String(senderAction), appId, now);
      return record(ctx, { page, psid, token, r, messagingType, tag, kind, message, now, status: 200, body: { recipient_id: psid } });
    }

    const resolved = resolveMessageAttachment(ctx, page, message as Record<string, unknown>, params.filedata);
    const mid = newMessageId();
    consumeToken(ctx, r, now);
    ctx.store.thread(psid).push({ mid, direction: "out", timestamp: now, message: resolved.message });
    const typing = ctx.store.senderActions.get(psid);
    if (typing?.typing) typing.typing = false; // the message replaces the typing bubble
    ctx.store.touch(); // cheap: persistence only arms a debounce timer
    if (ctx.store.fieldsOf(page, appId)?.includes("message_echoes")) {
      ctx.dispatcher.emit(messageEcho(page.id, psid, now, appId, mid, resolved.message));
    }
    ctx.onPageMessage?.(page, user, mid);
    const body: Record<string, unknown> = { recipient_id: psid, message_id: mid };
    if (resolved.attachmentId) body.attachment_id = resolved.attachmentId;
    return record(ctx, { page, psid, token, r, messagingType, tag, kind, message, now, status: 200, body });
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    return record(ctx, { page, psid, token, r, messagingType, tag, kind, message, now, status: error.httpStatus, body: error.toBody(), error });
  }
}

function resolveRecipient(ctx: GraphContext, page: SandboxPage, r: Record<string, unknown>, now: number): SandboxUser {
  const keys = ["id", "one_time_notif_token", "notification_messages_token", "user_ref", "post_id", "comment_id"].filter((k) => r[k] !== undefined);
  if (keys.length !== 1) throw graphErrors.invalidParameter("param recipient must have exactly one of {id, one_time_notif_token, notification_messages_token}");
  if (r.id !== undefined) {
    const user = ctx.store.users.get(String(r.id));
    if (!user || user.pageId !== page.id) throw graphErrors.noMatchingUser();
    return user;
  }
  if (typeof r.one_time_notif_token === "string") {
    const otn = ctx.store.otnTokens.get(r.one_time_notif_token);
    if (!otn || otn.pageId !== page.id) throw graphErrors.otnTokenInvalid();
    if (otn.usedAt !== null) throw graphErrors.otnTokenUsed();
    if (now > otn.expiresAt) throw graphErrors.otnTokenExpired();
    return ctx.store.users.get(otn.psid) ?? throwError(graphErrors.noMatchingUser());
  }
  if (typeof r.notification_messages_token === "string") return resolveNotificationToken(ctx, page, r.notification_messages_token, now).user;
  throw graphErrors.invalidParameter("param recipient: user_ref, post_id and comment_id recipients are not supported by the sandbox");
}

/** Sender actions show in the person's thread: the typing bubble (until typing_off, a message or 20 s) and "seen". */
function recordSenderAction(ctx: GraphContext, psid: string, action: string, appId: string, now: number): void {
  const state = ctx.store.senderActionState(psid);
  if (action === "typing_on") {
    state.typing = true;
    state.typingSince = now;
  } else if (action === "typing_off") state.typing = false;
  else if (action === "mark_seen") state.seenAt = now;
  state.history.push({ action, at: now, appId });
  if (state.history.length > SENDER_ACTION_HISTORY) state.history.splice(0, state.history.length - SENDER_ACTION_HISTORY);
  ctx.store.touch();
}

/** Whether the typing bubble shows now (typing_on less than 20 s ago, not cleared by typing_off or a message). */
export function isTyping(state: { typing: boolean; typingSince: number | null } | undefined, now: number): boolean {
  return !!state?.typing && state.typingSince !== null && now - state.typingSince < TYPING_TIMEOUT_MS;
}

/** Standard window 24 h; HUMAN_AGENT 7 days; both counted from the person's last message, postback, referral or opt-in. */
function checkWindow(user: SandboxUser, now: number, messagingType: string | null, tag: string | null): void {
  const windowMs = messagingType === "MESSAGE_TAG" && tag === "HUMAN_AGENT" ? HUMAN_AGENT_WINDOW_MS : STANDARD_WINDOW_MS;
  if (user.lastInboundAt === null || now - user.lastInboundAt > windowMs) throw graphErrors.outsideWindow();
}

function consumeToken(ctx: GraphContext, r: Record<string, unknown>, now: number): void {
  if (typeof r.one_time_notif_token === "string") {
    const otn = ctx.store.otnTokens.get(r.one_time_notif_token);
    if (otn) otn.usedAt = now;
    ctx.store.touch();
  } else if (typeof r.notification_messages_token === "string") {
    const nm = ctx.store.notificationTokens.get(r.notification_messages_token);
    if (nm) nm.lastSentAt = now;
    ctx.store.touch();
  }
}

/** Which kind of permission-to-message token the recipient used, for counting deliveries per kind. */
export function tokenKindOf(r: unknown): TokenKind | null {
  if (typeof r !== "object" || r === null) return null;
  const recipient = r as Record<string, unknown>;
  if (typeof recipient.one_time_notif_token === "string") return "one_time_notif";
  if (typeof recipient.notification_messages_token === "string") return "notification_messages";
  return null;
}

function throwError(error: GraphError): never {
  throw error;
}

function record(
  ctx: GraphContext,
  o: {
    page: SandboxPage | null;
    psid: string | null;
    token: string | null;
    tokenKind?: TokenKind | null;
    campaignId?: string | null;
    r: unknown;
    messagingType: string | null;
    tag: string | null;
    kind: string;
    message: unknown;
    now: number;
    status: number;
    body: unknown;
    error?: GraphError;
  },
): SendResult {
  const ok = o.status === 200;
  ctx.sendLog.append({
    at: o.now,
    pageId: o.page?.id ?? null,
    psid: o.psid,
    token: o.token,
    tokenKind: o.tokenKind !== undefined ? o.tokenKind : tokenKindOf(o.r),
    campaignId: o.campaignId ?? null,
    recipient: o.r,
    messagingType: o.messagingType,
    tag: o.tag,
    kind: o.kind,
    message: o.message,
    ok,
    httpStatus: o.status,
    messageId: ok ? ((o.body as { message_id?: string }).message_id ?? null) : null,
    error: o.error ? { code: o.error.code, subcode: o.error.subcode, message: o.error.message } : null,
  });
  return { status: o.status, body: o.body };
}

/** Records a Send API call that failed before a Page was known (bad token) or on a fault. */
export function recordRejectedSend(ctx: GraphContext, page: SandboxPage | null, params: Params, error: GraphError): SendResult {
  const recipient = jsonParam(params.recipient);
  const r = (typeof recipient === "object" && recipient !== null ? recipient : {}) as Record<string, unknown>;
  const delivery = jsonParam(params.messenger_delivery_data) as Record<string, unknown> | undefined;
  if (typeof delivery === "object" && delivery !== null && typeof delivery.subscription_token === "string") {
    // A Marketing Messages send (act_<id>/messages) refused before it was handled (rate limit, bad token).
    return record(ctx, {
      page,
      psid: null,
      token: delivery.subscription_token,
      tokenKind: "subscription",
      campaignId: typeof params.message_campaign_id === "string" ? params.message_campaign_id : null,
      r: delivery,
      messagingType: null,
      tag: null,
      kind: "rejected",
      message: jsonParam(params.message),
      now: ctx.clock.now(),
      status: error.httpStatus,
      body: error.toBody(),
      error,
    });
  }
  return record(ctx, {
    page,
    psid: typeof r.id === "string" ? r.id : null,
    token: typeof r.one_time_notif_token === "string" ? r.one_time_notif_token : typeof r.notification_messages_token === "string" ? r.notification_messages_token : null,
    r,
    messagingType: typeof params.messaging_type === "string" ? params.messaging_type : null,
    tag: typeof params.tag === "string" ? params.tag : null,
    kind: "rejected",
    message: jsonParam(params.message),
    now: ctx.clock.now(),
    status: error.httpStatus,
    body: error.toBody(),
    error,
  });
}
