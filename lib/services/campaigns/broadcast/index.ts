/**
 * The broadcast engine: recurring-notification and Marketing Messages campaigns, sent from the permissions ledger
 * (message_permissions) through a per-recipient delivery ledger (campaign_deliveries). The campaign verbs
 * (create, send now, cancel...) dispatch here on the campaign's kind.
 */
export * from "./schemas";
export { kindAvailability } from "./availability";
export { classifyMarketingError, classifyRecurringError, type Verdict } from "./classify";
export { listCampaignDeliveries } from "./list-campaign-deliveries";
export { planDeliveries } from "./plan-deliveries";
export { previewBroadcastAudience } from "./preview-audience";
export { type BroadcastBatchOptions, type BroadcastBatchResult, runBroadcastSend, sendBroadcastBatch } from "./send-broadcast-batch";
