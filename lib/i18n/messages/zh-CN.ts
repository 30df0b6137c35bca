import type { MessageKey } from "./en";

/** 简体中文. Keys must match the English catalog exactly. */
export const zhCN: Record<MessageKey, string> = {
  "app.name": "Messenger Desk",
  "app.tagline": "在 Facebook Messenger 上服务与营销您的客户。",

  "nav.channels": "渠道",
  "nav.campaigns": "营销活动",
  "nav.conversations": "会话",
  "nav.reports": "报表",
  "nav.settings": "设置",

  "errors.forbidden": "您没有执行此操作的权限。",
  "errors.notFound": "未找到。",
  "errors.internal": "服务出现问题，请重试。",
  "errors.rateLimited": "尝试次数过多，请在 {minutes} 分钟后重试。",
};
