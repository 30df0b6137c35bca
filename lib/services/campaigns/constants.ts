/**
 * What browser components of the campaigns feature use besides types: statuses, limits, the Messenger messages
 * the preview renders and the failure wording. No zod here (schemas.ts re-exports all of it for the server), so
 * importing a constant never ships the schemas to the browser.
 */
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
