/**
 * Graph API errors as Meta returns them: `{ error: { message, type, code, error_subcode, fbtrace_id } }`
 * with the HTTP status Graph uses. Every policy rule in the sandbox throws one of these so that the
 * app under test sees exactly the shape (and status) it would see in production.
 */
import { randomBytes } from "node:crypto";

export class GraphError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
    readonly subcode?: number,
    readonly type: string = "OAuthException",
  ) {
    super(message);
  }

  toBody(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { message: this.message, type: this.type, code: this.code };
    if (this.subcode !== undefined) error.error_subcode = this.subcode;
    error.fbtrace_id = newTraceId();
    return { error };
  }
}

/** fbtrace_id looks like "AbCdEf12345": random, base64-ish, 11 chars. Only used on errors, so cost is irrelevant. */
export function newTraceId(): string {
  return randomBytes(8).toString("base64").replace(/[+/=]/g, "").slice(0, 11);
}

/** The catalogue of errors the sandbox produces, named by cause. Messages follow Meta's wording. */
export const graphErrors = {
  invalidToken: () => new GraphError(400, 190, "Invalid OAuth access token - Cannot parse access token"),
  revokedToken: () =>
    new GraphError(
      400,
      190,
      "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
      460,
    ),
  missingToken: () => new GraphError(400, 2500, "An active access token must be used to query information about the current user."),
  invalidParameter: (detail: string, subcode?: number) => new GraphError(400, 100, `(#100) ${detail}`, subcode),
  unknownObject: (id: string) =>
    new GraphError(
      400,
      100,
      `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      33,
      "GraphMethodException",
    ),
  unknownPath: (path: string) => new GraphError(400, 2500, `Unknown path components: ${path}`),
  noMatchingUser: () => new GraphError(400, 100, "(#100) No matching user found", 2018001),
  bothMessageAndAction: () => new GraphError(400, 100, "(#100) Cannot send both message and state at the same time.", 2018015),
  userUnavailable: () => new GraphError(400, 551, "(#551) This person isn't available right now.", 1545041),
  outsideWindow: () =>
    new GraphError(
      400,
      10,
      "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
      2018278,
    ),
  otnTokenUsed: () => new GraphError(400, 100, "(#100) The one_time_notif_token has already been used. A token can be used to send one message only."),
  otnTokenExpired: () => new GraphError(400, 100, "(#100) The one_time_notif_token has expired."),
  otnTokenInvalid: () => new GraphError(400, 100, "(#100) Invalid one_time_notif_token."),
  notificationTokenInvalid: () => new GraphError(400, 100, "(#100) Invalid notification_messages_token."),
  notificationStopped: () => new GraphError(400, 10, "(#10) The person has stopped notifications for this topic.", 1893015),
  notificationTooSoon: () =>
    new GraphError(400, 4, "(#4) Marketing Messages - There has to be a minimum delay between 2 notifications for the given notification", 2018354),
  /** At most one notification_messages request with the same title per person per week. */
  notificationRequestLimit: () =>
    new GraphError(400, 9, "(#9) Marketing Messages - Too many notification messages opt-in requests sent to this user for the same topic.", 2018352),
  notificationDuplicateOptin: () =>
    new GraphError(400, 613, "(#613) Marketing Messages - The user is already opted in to this topic.", 1893016),
  /** Inferred (Meta documents the rule, not the error): a topic is usable only once the Page's admin opted in to it. */
  notificationTopicNotRegistered: (title: string) =>
    new GraphError(400, 100, `(#100) The notification_messages topic "${title}" is not registered for this Page: the Page's admin must opt in to it first.`),
  // ---- Marketing Messages API (namespace MARKETING_MESSAGES_DIRECT; the codes are Meta's, the envelope placement inferred) ----
  campaignInactive: () => new GraphError(400, 2300000, "You cannot send a message unless the message campaign under which the message exists is active."),
  subscriptionTokenInvalid: (detail = "") =>
    new GraphError(
      400,
      2300004,
      `The subscription token you passed in could not be loaded. This could be because the token id you passed was invalid - or you may not have permissions to load it.${detail}`,
    ),
  subscriptionPageMismatch: () =>
    new GraphError(400, 2300005, "The page id behind your message does not match the page id on the messenger subscription token. Pages can only message their own subscribers."),
  conversationGap: () => new GraphError(400, 2300052, "This person is not available right now."),
  missingPermission: (permission: string) => new GraphError(400, 200, `(#200) Requires ${permission} permission to manage the object`),
  rateLimited: () => new GraphError(400, 613, "(#613) Calls to this API have exceeded the rate limit.", 2534040),
  temporary: (code: number) => {
    const messages: Record<number, string> = {
      1: "An unknown error occurred.",
      2: "An unexpected error has occurred. Please retry your request later.",
      [-1]: "Unexpected internal error. Please retry your request later.",
      1200: "(#1200) Temporary send message failure. Please try again later",
    };
    return new GraphError(500, code, messages[code] ?? messages[2], undefined, code === 1200 ? "OAuthException" : "FacebookApiException");
  },
  /** 2026: of the message tags only HUMAN_AGENT remains; the retired ones fail like any unknown value. */
  invalidTag: () => new GraphError(400, 100, "(#100) Invalid parameter"),
  /** HUMAN_AGENT without Meta's Human Agent permission (App Review): Graph's generic permission error, code 10. */
  humanAgentNotPermitted: () => new GraphError(400, 10, "(#10) Application does not have permission for this action"),
  /** Conversation Routing: another app (or the Page Inbox) owns the thread; check thread_owner before replying. */
  notThreadOwner: () => new GraphError(400, 10, "(#10) This thread is controlled by another app. Your app can't send messages to it now.", 2018300),
  threadControlDenied: (detail: string) => new GraphError(400, 200, `(#200) ${detail}`),
  routingNotEnabled: () => new GraphError(400, 27, "(#27) Conversation Routing is not enabled for this Page."),
  invalidAttachmentId: () => new GraphError(400, 100, "(#100) Invalid attachment_id: the attachment does not exist, has expired or belongs to another Page."),
  invalidAppId: () => new GraphError(400, 101, "Error validating application. Invalid application ID."),
  invalidAppSecret: () => new GraphError(400, 1, "Error validating client secret."),
} as const;
