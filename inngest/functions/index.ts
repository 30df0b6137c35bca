import { campaignSchedule, campaignSend, campaignSweep } from "./campaign-send";
import { campaignOptin, campaignReferral } from "./campaign-subscription";
import { checkChannelTokens } from "./check-channel-tokens";
import { csatSurvey } from "./csat-survey";
import { deskSweep } from "./desk-sweep";
import { expireMessagePermissions } from "./expire-message-permissions";
import { dailySubscriptionTokenImport, importSubscriptionTokensFunction } from "./import-subscription-tokens";
import { workflowPing } from "./ping";
import { processWebhookEvents } from "./process-webhook-events";
import { pruneChannelHealth } from "./prune-channel-health";
import { purgeDeletedOrganizationsFunction } from "./purge-deleted-organizations";
import { sweepWebhookEvents } from "./sweep-webhook-events";

/** Every Inngest function the app serves at /api/inngest: a new function is served once it is listed here. */
export const functions = [workflowPing, campaignSchedule, campaignSend, campaignSweep, campaignReferral, campaignOptin, processWebhookEvents, sweepWebhookEvents, pruneChannelHealth, purgeDeletedOrganizationsFunction, deskSweep, checkChannelTokens, csatSurvey, expireMessagePermissions, importSubscriptionTokensFunction, dailySubscriptionTokenImport];
