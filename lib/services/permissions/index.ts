/**
 * Permissions to message, as one ledger: per contact and Page, every token that lets the Page message a person
 * outside the 24-hour window — One-Time Notifications (otn_tokens, the OTN campaigns' send ledger, unchanged),
 * recurring-notification topics and Marketing Messages subscriptions (message_permissions) — and whether the
 * channel may offer each kind at all.
 */
export * from "./constants";
export { messagingAvailability, RECURRING_DISCONTINUED_AT } from "./availability";
export { captureRecurringChanges, recurringChangeOf, type RecurringChange } from "./capture-recurring";
export { EXPIRE_BATCH_SIZE, expireMessagePermissionsBatch } from "./expire-message-permissions";
export { listContactPermissions } from "./list-contact-permissions";
export { summarizeChannelPermissions } from "./summarize-channel-permissions";
export { contactPermissionSchema } from "./schemas";
export { marketingEligibility } from "./marketing-eligibility";
export type { AvailabilityChannel } from "./availability";
export {
  addCounts,
  importSubscriptionTokenPage,
  importSubscriptionTokens,
  NO_TOKENS,
  recordSubscriptionTokenImport,
  type TokenImportCounts,
  type TokenImportPage,
  type TokenImportResult,
} from "./import-subscription-tokens";
export { requestSubscriptionTokenImport } from "./request-subscription-token-import";
export { setTokenImportEventSender } from "./emit-token-import";
export { getLastTokenImport } from "./get-last-token-import";
export { IMPORT_CHANNEL_BATCH, listTokenImportChannels } from "./list-token-import-channels";
export { unsubscribeContact, type UnsubscribeResult } from "./unsubscribe-contact";
export { tokenImportRequestedSchema, unsubscribeResultSchema } from "./schemas";
