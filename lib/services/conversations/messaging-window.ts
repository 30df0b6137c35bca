/**
 * Meta's messaging windows for a reply to one person (platform-facts, Send API, 2026):
 * - within 24 hours of the person's last message, postback, referral or opt-in: messaging_type RESPONSE;
 * - from 24 hours to 7 days: MESSAGE_TAG with HUMAN_AGENT, only written by a person (never a bot or an
 *   integration acting on its own), and only when the Page's app holds Meta's Human Agent permission;
 * - after 7 days, or before the person ever wrote: nothing (a One-Time Notification token, if one is
 *   unused, is the way left).
 * No other tag exists any more (the rest were retired in 2026 and fail with error 100).
 * Browser-safe: the composer states the same rule the server enforces.
 */
export const STANDARD_WINDOW_MS = 24 * 3_600_000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 3_600_000;

export type ReplyWindow =
  | { state: "open"; messagingType: "RESPONSE"; closesAt: number }
  | { state: "human_agent"; messagingType: "MESSAGE_TAG"; tag: "HUMAN_AGENT"; closesAt: number }
  /** 24 h to 7 days, but the channel lacks the Human Agent permission, or the sender is not a person. */
  | { state: "needs_human_agent"; reason: "no_permission" | "not_a_person"; closesAt: number }
  | { state: "closed"; reason: "never_wrote" | "expired" };

export function replyWindow(input: { lastInboundAt: number | null; now: number; humanAgentEnabled: boolean; sentByPerson: boolean }): ReplyWindow {
  const { lastInboundAt, now } = input;
  if (lastInboundAt === null) return { state: "closed", reason: "never_wrote" };
  const elapsed = now - lastInboundAt;
  if (elapsed < STANDARD_WINDOW_MS) return { state: "open", messagingType: "RESPONSE", closesAt: lastInboundAt + STANDARD_WINDOW_MS };
  if (elapsed >= HUMAN_AGENT_WINDOW_MS) return { state: "closed", reason: "expired" };
  const closesAt = lastInboundAt + HUMAN_AGENT_WINDOW_MS;
  if (!input.sentByPerson) return { state: "needs_human_agent", reason: "not_a_person", closesAt };
  if (!input.humanAgentEnabled) return { state: "needs_human_agent", reason: "no_permission", closesAt };
  return { state: "human_agent", messagingType: "MESSAGE_TAG", tag: "HUMAN_AGENT", closesAt };
}
