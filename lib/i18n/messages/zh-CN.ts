import { liveOverviewZhCN } from "./live-overview.zh-CN";
import { csatZhCN } from "./csat.zh-CN";
import { permissionsZhCN } from "./permissions.zh-CN";
import { reportsZhCN } from "./reports.zh-CN";
import { messengerProfileZhCN } from "./messenger-profile.zh-CN";
import { botAnalyticsZhCN } from "./bot-analytics.zh-CN";
import { botConnectorsZhCN } from "./bot-connectors.zh-CN";
import { deskNotesZhCN } from "./desk-notes.zh-CN";
import { apiZhCN } from "./api.zh-CN";
import { accountZhCN } from "./account.zh-CN";
import { accountsZhCN } from "./accounts.zh-CN";
import { apiKeysZhCN } from "./api-keys.zh-CN";
import { auditLogZhCN } from "./audit-log.zh-CN";
import { auditZhCN } from "./audit.zh-CN";
import { authZhCN } from "./auth.zh-CN";
import { campaignsZhCN } from "./campaigns.zh-CN";
import { campaignsAreaZhCN } from "./campaigns-area.zh-CN";
import { channelsZhCN } from "./channels.zh-CN";
import { facebookLoginZhCN } from "./facebook-login.zh-CN";
import { conversationsZhCN } from "./conversations.zh-CN";
import { composerZhCN } from "./composer.zh-CN";
import { commonZhCN } from "./common.zh-CN";
import type { MessageKey } from "./en";
import { membersZhCN } from "./members.zh-CN";
import { orgSettingsZhCN } from "./org-settings.zh-CN";
import { settingsZhCN } from "./settings.zh-CN";
import { shellZhCN } from "./shell.zh-CN";
import { skillGroupsZhCN } from "./skill-groups.zh-CN";
import { inboxZhCN } from "./inbox.zh-CN";
import { labelsZhCN } from "./labels.zh-CN";
import { segmentsZhCN } from "./segments.zh-CN";
import { topicsZhCN } from "./topics.zh-CN";
import { broadcastZhCN } from "./broadcast.zh-CN";
import { botSettingsZhCN } from "./bot-settings.zh-CN";
import { faqsZhCN } from "./faqs.zh-CN";
import { routingZhCN } from "./routing.zh-CN";
import { deskZhCN } from "./desk.zh-CN";
import { validationZhCN } from "./validation.zh-CN";
import { workflowsZhCN } from "./workflows.zh-CN";

/** 简体中文，按功能分文件（<feature>.zh-CN.ts）。每个文件的键必须与对应的英文文件完全一致。 */
export const zhCN: Record<MessageKey, string> = {
  ...commonZhCN,
  ...shellZhCN,
  ...authZhCN,
  ...accountsZhCN,
  ...accountZhCN,
  ...settingsZhCN,
  ...orgSettingsZhCN,
  ...membersZhCN,
  ...skillGroupsZhCN,
  ...labelsZhCN,
  ...segmentsZhCN,
  ...topicsZhCN,
  ...broadcastZhCN,
  ...botSettingsZhCN,
  ...faqsZhCN,
  ...inboxZhCN,
  ...routingZhCN,
  ...deskNotesZhCN,
  ...deskZhCN,
  ...apiKeysZhCN,
  ...auditLogZhCN,
  ...auditZhCN,
  ...channelsZhCN,
  ...facebookLoginZhCN,
  ...conversationsZhCN,
  ...composerZhCN,
  ...campaignsZhCN,
  ...campaignsAreaZhCN,
  ...workflowsZhCN,
  ...validationZhCN,
  ...apiZhCN,
  ...botConnectorsZhCN,
  ...botAnalyticsZhCN,
  ...messengerProfileZhCN,
  ...reportsZhCN,
  ...csatZhCN,
  ...permissionsZhCN,
  ...liveOverviewZhCN,
};
