/**
 * What browser components of the campaigns feature use besides types: statuses, limits, the Messenger messages
 * the preview renders and the failure wording. No zod here (schemas.ts re-exports all of it for the server), so
 * importing a constant never ships the schemas to the browser.
 */
/** What a campaign sends through: One-Time Notification tokens, a recurring topic's tokens, or Meta's Marketing Messages. */
export const CAMPAIGN_KINDS = ["otn", "recurring", "marketing"] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
/** A recipient's place in the send ledger of recurring and marketing campaigns (campaign_deliveries). */
export const DELIVERY_STATUSES = ["pending", "sending", "sent", "failed", "held", "skipped"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** Why a held delivery waits: the topic's cadence, Meta's 48-hour gap, Meta's "recently messaged" (2300052). */
export const HELD_REASONS = ["cadence", "gap", "recently_messaged"] as const;
export type HeldReason = (typeof HELD_REASONS)[number];
/** Why a delivery was skipped (its permission ended) or failed. */
export const DELIVERY_REASONS = [
  "stopped",
  "unsubscribed",
  "invalid_token",
  "expired",
  "blocked",
  "wrong_page",
  "recently_messaged",
  "unknown_after_crash",
  "unknown_outcome",
  "already_received",
] as const;
export type DeliveryReason = (typeof DELIVERY_REASONS)[number];
/** Marketing campaigns' budget limits, in cents of the ad account's currency. */
export const BUDGET_MIN_CENTS = 100;
export const BUDGET_MAX_CENTS = 100_000_000;

export const CAMPAIGN_STATUSES = ["draft", "scheduled", "sending", "paused", "sent", "sent_with_failures", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** Statuses in which the campaign may still be edited, rescheduled or sent. */
export const EDITABLE_STATUSES: readonly CampaignStatus[] = ["draft", "scheduled"];
/** Statuses in which the share link still collects subscribers. */
export const SUBSCRIBABLE_STATUSES: readonly CampaignStatus[] = ["draft", "scheduled", "sending", "paused"];

export const REQUEST_TITLE_MAX = 65;
export const TEXT_MAX = 2000;
export const MAX_RATE_PER_SECOND = 300;
export const DEFAULT_RATE_PER_SECOND = 40;

/** A token's place in the send ledger; `spare`: the person's other token carried the campaign, this one stays unused. */
export const RECIPIENT_STATUSES = ["pending", "sending", "sent", "failed", "expired", "spare"] as const;

// The Messenger messages a campaign sends: the campaign form's preview renders exactly what the sender posts.
export { contentMessage, invitationMessage, otnRequestMessage, replyMessage, type MessengerMessage } from "./messages";
// How the campaign page words a send failure (Meta's code to a catalog key).
export { explainFailure, type FailureExplanation } from "./failure-reasons";
