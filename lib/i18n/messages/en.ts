import { liveOverviewEn } from "./live-overview.en";
import { csatEn } from "./csat.en";
import { permissionsEn } from "./permissions.en";
import { reportsEn } from "./reports.en";
import { messengerProfileEn } from "./messenger-profile.en";
import { botAnalyticsEn } from "./bot-analytics.en";
import { botConnectorsEn } from "./bot-connectors.en";
import { deskNotesEn } from "./desk-notes.en";
import { apiEn } from "./api.en";
import { accountEn } from "./account.en";
import { accountsEn } from "./accounts.en";
import { apiKeysEn } from "./api-keys.en";
import { auditLogEn } from "./audit-log.en";
import { auditEn } from "./audit.en";
import { authEn } from "./auth.en";
import { campaignsEn } from "./campaigns.en";
import { campaignsAreaEn } from "./campaigns-area.en";
import { channelsEn } from "./channels.en";
import { facebookLoginEn } from "./facebook-login.en";
import { conversationsEn } from "./conversations.en";
import { composerEn } from "./composer.en";
import { commonEn } from "./common.en";
import { membersEn } from "./members.en";
import { orgSettingsEn } from "./org-settings.en";
import { settingsEn } from "./settings.en";
import { shellEn } from "./shell.en";
import { skillGroupsEn } from "./skill-groups.en";
import { inboxEn } from "./inbox.en";
import { labelsEn } from "./labels.en";
import { segmentsEn } from "./segments.en";
import { topicsEn } from "./topics.en";
import { broadcastEn } from "./broadcast.en";
import { botSettingsEn } from "./bot-settings.en";
import { faqsEn } from "./faqs.en";
import { routingEn } from "./routing.en";
import { deskEn } from "./desk.en";
import { validationEn } from "./validation.en";
import { workflowsEn } from "./workflows.en";

/**
 * The English catalog, one part per feature (<feature>.en.ts), and the source of message keys: each
 * <feature>.zh-CN.ts must have exactly its English part's keys (the type checker enforces it). Placeholders
 * are written {name}. Services' messages (domain errors, validation issues) are keys here too: the API
 * speaks their English, the dashboard translates them by key.
 */
export const catalogPartsEn = {
  commonEn,
  shellEn,
  authEn,
  accountsEn,
  accountEn,
  settingsEn,
  orgSettingsEn,
  membersEn,
  skillGroupsEn,
  labelsEn,
  segmentsEn,
  topicsEn,
  broadcastEn,
  botSettingsEn,
  faqsEn,
  inboxEn,
  routingEn,
  deskNotesEn,
  deskEn,
  apiKeysEn,
  auditLogEn,
  auditEn,
  channelsEn,
  facebookLoginEn,
  conversationsEn,
  composerEn,
  campaignsEn,
  campaignsAreaEn,
  workflowsEn,
  validationEn,
  apiEn,
  botConnectorsEn,
  botAnalyticsEn,
  messengerProfileEn,
  reportsEn,
  csatEn,
  permissionsEn,
  liveOverviewEn,
};

export const en = {
  ...commonEn,
  ...shellEn,
  ...authEn,
  ...accountsEn,
  ...accountEn,
  ...settingsEn,
  ...orgSettingsEn,
  ...membersEn,
  ...skillGroupsEn,
  ...labelsEn,
  ...segmentsEn,
  ...topicsEn,
  ...broadcastEn,
  ...botSettingsEn,
  ...faqsEn,
  ...inboxEn,
  ...routingEn,
  ...deskNotesEn,
  ...deskEn,
  ...apiKeysEn,
  ...auditLogEn,
  ...auditEn,
  ...channelsEn,
  ...facebookLoginEn,
  ...conversationsEn,
  ...composerEn,
  ...campaignsEn,
  ...campaignsAreaEn,
  ...workflowsEn,
  ...validationEn,
  ...apiEn,
  ...botConnectorsEn,
  ...botAnalyticsEn,
  ...messengerProfileEn,
  ...reportsEn,
  ...csatEn,
  ...permissionsEn,
  ...liveOverviewEn,
};

export type MessageKey = keyof typeof en;
