/**
 * Recurring notifications (Meta's notification_messages): the rules of the opt-in request template and of
 * sends with a notification_messages_token. Requests only inside the 24 h window (the Send API's own check),
 * only for registered topics (the Page's admin opted in to the topic first), never to someone already opted
 * in to the topic (613/1893016), at most one request with the same title per person per week (9/2018352).
 * Sends: token valid and unexpired (100), not stopped (10/1893015), at most once per cadence period and never
 * within 48 h of the previous one (4/2018354). Only in the AU, EU, JP, KR and UK regions after 2026-02-10.
 */
import { DAY_MS, HOUR_MS } from "../clock";
import type { NotificationFrequency, NotificationMessagesToken, SandboxPage, SandboxUser } from "../state/types";
import type { GraphContext } from "./context";
import { graphErrors } from "./graph-error";
import { assertRecurringAvailable } from "./regions";

/** Since 2025-09-01 the cooldown between two sends with one token is 48 h (it was 24 h). */
export const MIN_GAP_MS = 48 * HOUR_MS;
/** One notification per period of the token's cadence (rolling periods; Meta words them "per day/week/month"). */
export const CADENCE_MS: Record<NotificationFrequency, number> = { DAILY: DAY_MS, WEEKLY: 7 * DAY_MS, MONTHLY: 30 * DAY_MS };
/** Token lifetime from opt-in: 6 months daily, 9 months weekly, 12 months monthly (Meta's opt-in reference). */
export const TOKEN_LIFETIME_MS: Record<NotificationFrequency, number> = { DAILY: 182 * DAY_MS, WEEKLY: 273 * DAY_MS, MONTHLY: 365 * DAY_MS };
/** Meta asks for a re-opt-in the day before a token expires. */
export const REOPTIN_NOTICE_MS = DAY_MS;
const REQUEST_LIMIT_MS = 7 * DAY_MS;

export const FREQUENCIES: readonly NotificationFrequency[] = ["DAILY", "WEEKLY", "MONTHLY"];

export function isTokenActive(token: NotificationMessagesToken, now: number): boolean {
  return !token.stopped && now <= token.expiresAt;
}

/** When the token may carry its next notification (null: now). */
export function nextEligibleAt(token: NotificationMessagesToken): number | null {
  if (token.lastSentAt === null) return null;
  return token.lastSentAt + Math.max(MIN_GAP_MS, CADENCE_MS[token.frequency]);
}

/** Checks a notification_messages request (template) to a person, before it is sent. */
export function checkNotificationRequest(ctx: GraphContext, page: SandboxPage, user: SandboxUser, template: Record<string, unknown>, now: number): void {
  assertRecurringAvailable(page, now);
  const title = String(template.title);
  if (!user.pageAdmin && !ctx.store.topic(page.id, title)) throw graphErrors.notificationTopicNotRegistered(title);
  if (ctx.store.notificationTokensOf(user.psid).some((t) => t.title === title && t.pageId === page.id && isTokenActive(t, now))) {
    throw graphErrors.notificationDuplicateOptin();
  }
  const thread = ctx.store.thread(user.psid);
  for (let i = thread.length - 1; i >= 0 && now - thread[i].timestamp < REQUEST_LIMIT_MS; i--) {
    const m = thread[i];
    const attachment = m.direction === "out" ? (m.message?.attachment as { type?: string; payload?: Record<string, unknown> } | undefined) : undefined;
    if (attachment?.type === "template" && attachment.payload?.template_type === "notification_messages" && attachment.payload.title === title) {
      throw graphErrors.notificationRequestLimit();
    }
  }
}

/** The person a notification_messages_token reaches, if a notification may be sent with it now. */
export function resolveNotificationToken(ctx: GraphContext, page: SandboxPage, value: string, now: number): { user: SandboxUser; token: NotificationMessagesToken } {
  const token = ctx.store.notificationTokens.get(value);
  if (!token || token.pageId !== page.id || now > token.expiresAt) throw graphErrors.notificationTokenInvalid();
  assertRecurringAvailable(page, now);
  if (token.stopped) throw graphErrors.notificationStopped();
  const next = nextEligibleAt(token);
  if (next !== null && now < next) throw graphErrors.notificationTooSoon();
  const user = ctx.store.users.get(token.psid);
  if (!user) throw graphErrors.noMatchingUser();
  return { user, token };
}
