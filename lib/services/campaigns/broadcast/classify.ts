import { GraphError } from "@/lib/graph/errors";

/**
 * What one Meta answer means for a recurring or marketing delivery, for every code the sandbox README lists
 * (and platform-facts). Pure, so each code's outcome is tested on its own.
 */
export type Verdict =
  | { kind: "sent"; messageId: string | null; note?: string; code?: number }
  | { kind: "held"; reason: "cadence" | "gap" | "recently_messaged"; earliest: Date }
  | { kind: "skipped"; reason: "stopped" | "unsubscribed" | "invalid_token"; permission: "stopped" | "expired"; code: number; detail: string }
  | { kind: "failed"; reason: string; code: number | null }
  | { kind: "retry"; why: "rate_limit" | "temporary" }
  | { kind: "pause"; reason: string; code: number; subcode: number | null; reconnect: boolean };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PERIOD_MS: Record<string, number> = { daily: DAY_MS, weekly: 7 * DAY_MS, monthly: 30 * DAY_MS };
/** Meta's minimum between two notifications of one token since September 2025. */
export const MIN_GAP_MS = 48 * HOUR_MS;
/** After "this person is not available right now" (2300052), try again a day later. */
export const RECENTLY_MESSAGED_RETRY_MS = DAY_MS;

export function cadenceWait(frequency: string | null): { ms: number; reason: "cadence" | "gap" } {
  const period = PERIOD_MS[(frequency ?? "").toLowerCase()] ?? 0;
  return period >= MIN_GAP_MS ? { ms: period, reason: "cadence" } : { ms: MIN_GAP_MS, reason: "gap" };
}

export interface Recipient {
  /** The outcome of an earlier call for this delivery is unknown (a crash or a network failure). */
  uncertain: boolean;
  lastSentAt: Date | null;
  frequency: string | null;
}

/** Rate limits and temporary failures are retried, the Page token's death pauses the campaign — for both kinds. */
function common(error: GraphError): Verdict | null {
  if (error.code === 190 || error.code === 102) return { kind: "pause", reason: error.reason, code: error.code, subcode: error.subcode ?? null, reconnect: true };
  if (error.code === 613 || error.code === 17 || error.code === 32 || (error.code === 4 && error.subcode !== 2018354)) return { kind: "retry", why: "rate_limit" };
  if (error.code === 1 || error.code === 2 || error.code === -1 || error.code === 1200) return { kind: "retry", why: "temporary" };
  if (error.code === 551) return { kind: "failed", reason: "blocked", code: 551 };
  return null;
}

/** A Send API answer to `recipient: { notification_messages_token }`. */
export function classifyRecurringError(error: GraphError, recipient: Recipient, now: Date): Verdict {
  if (error.code === 4 && error.subcode === 2018354) {
    // Meta refuses a second notification within the cadence: for a delivery whose earlier call may have gone
    // through, that refusal is the proof it did (planning only lets due tokens through).
    if (recipient.uncertain) return { kind: "sent", messageId: null, note: "already_received", code: 4 };
    const wait = cadenceWait(recipient.frequency);
    const fromLast = recipient.lastSentAt ? recipient.lastSentAt.getTime() + wait.ms : 0;
    return { kind: "held", reason: wait.reason, earliest: new Date(fromLast > now.getTime() ? fromLast : now.getTime() + wait.ms) };
  }
  const shared = common(error);
  if (shared) return shared;
  if (error.code === 10 && error.subcode === 1893015) return { kind: "skipped", reason: "stopped", permission: "stopped", code: 10, detail: error.reason };
  // Any other #10: recurring notifications are not available for this Page (its region, since 2026-02-10).
  if (error.code === 10) return { kind: "pause", reason: "broadcast.pause.regionUnavailable", code: 10, subcode: error.subcode ?? null, reconnect: false };
  if (error.code === 100) return { kind: "skipped", reason: "invalid_token", permission: "expired", code: 100, detail: error.reason };
  return { kind: "failed", reason: error.reason, code: error.code };
}

/** An answer of POST act_<id>/messages. */
export function classifyMarketingError(error: GraphError, now: Date): Verdict {
  switch (error.code) {
    case 2300052:
      return { kind: "held", reason: "recently_messaged", earliest: new Date(now.getTime() + RECENTLY_MESSAGED_RETRY_MS) };
    case 2300000:
      return { kind: "pause", reason: "broadcast.pause.campaignNotActive", code: 2300000, subcode: error.subcode ?? null, reconnect: false };
    case 2300004:
      return { kind: "skipped", reason: "unsubscribed", permission: "stopped", code: 2300004, detail: error.reason };
    case 2300005:
      return { kind: "failed", reason: "wrong_page", code: 2300005 };
  }
  const shared = common(error);
  if (shared) return shared;
  // Meta refuses a second message to one token in one campaign: the person has this campaign's message.
  if (error.code === 100 && /already received/i.test(error.message)) return { kind: "sent", messageId: null, note: "already_received", code: 100 };
  if (error.code === 10) return { kind: "pause", reason: "broadcast.pause.regionUnavailable", code: 10, subcode: error.subcode ?? null, reconnect: false };
  if (error.code === 200) return { kind: "pause", reason: "broadcast.pause.permissionMissing", code: 200, subcode: error.subcode ?? null, reconnect: false };
  return { kind: "failed", reason: error.reason, code: error.code };
}
