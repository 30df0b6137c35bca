/**
 * Campaigns: the verbs (one a file), campaign sending (sender/) and the "Notify Me" subscription (subscription/).
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export * from "./schemas";
export { cancelCampaign } from "./cancel-campaign";
export { cancelOrganizationCampaigns } from "./cancel-organization-campaigns";
export { createCampaign } from "./create-campaign";
export { deleteCampaign } from "./delete-campaign";
export { setCampaignEventSender } from "./emit-campaign-events";
export { exportCampaignRecipientsCsv } from "./export-campaign-recipients-csv";
export { campaignShareSchema, type CampaignShare, getCampaignShare } from "./get-campaign-share";
export { campaignStatsSchema, type CampaignStats, getCampaignStats } from "./get-campaign-stats";
export { getCampaign } from "./get-campaign";
export { getCampaignSummary } from "./get-campaign-summary";
export { subscribersOverTimeQuerySchema, subscribersOverTimeSchema, type SubscribersOverTime, getSubscribersOverTime } from "./get-subscribers-over-time";
export { listCampaignRecipients } from "./list-campaign-recipients";
export { listCampaigns } from "./list-campaigns";
export { type MessengerMessage, otnRequestPayload, campaignIdFromPayload, invitationMessage, otnRequestMessage, replyMessage, contentMessage } from "./messages";
export { renderCampaignQr } from "./render-campaign-qr";
export { resumeCampaign } from "./resume-campaign";
export { sendCampaignNow } from "./send-campaign-now";
export { type SendBatchOptions, type BatchResult, sendCampaignBatch, runCampaignSend } from "./sender/send-batch";
export type { RecentCalls } from "./sender/rate-limiter";
export { startDueCampaigns } from "./start-due-campaigns";
export { startScheduledSend } from "./start-scheduled-send";
export { type OneTimeNotifOptin, oneTimeNotifOptinOf, captureOneTimeNotifTokens } from "./subscription/capture-tokens";
export { type OptinSignal, handleCampaignOptin } from "./subscription/handle-optin";
export { type ReferralSignal, type ReferralOutcome, handleCampaignReferral, decideCampaignReferral, sendCampaignRequest } from "./subscription/handle-referral";
export { updateCampaign } from "./update-campaign";
export { sendAfterSendReply } from "./subscription/after-send-reply";
export {
  audiencePreviewQuerySchema,
  audiencePreviewSchema,
  campaignDeliverySchema,
  deliveryQuerySchema,
  type AudiencePreview,
  type AudiencePreviewQuery,
  type CampaignDelivery,
  type DeliveryQuery,
  kindAvailability,
  listCampaignDeliveries,
  previewBroadcastAudience,
  runBroadcastSend,
  sendBroadcastBatch,
  type BroadcastBatchOptions,
  type BroadcastBatchResult,
} from "./broadcast";
