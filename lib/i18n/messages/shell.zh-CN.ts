import type { shellEn } from "./shell.en";

/** 控制台外壳：导航、组织切换、账户菜单，以及尚未开放区域的占位内容。键必须与 shell.en.ts 完全一致。 */
export const shellZhCN: Record<keyof typeof shellEn, string> = {
  "nav.channels": "渠道",
  "nav.campaigns": "营销活动",
  "nav.conversations": "会话",
  "nav.reports": "报表",
  "nav.settings": "设置",
  "shell.switchOrg": "切换组织",
  "shell.organisations": "组织",
  "shell.createOrg": "创建组织",
  "shell.accountMenu": "账户菜单",
  "shell.language": "语言",
  "shell.mainNav": "主导航",
  "shell.current": "当前",
  "shell.skipToContent": "跳到主要内容",
  "empty.channels.title": "连接您的 Facebook 主页",
  "empty.channels.body": "渠道将您的 Facebook 主页连接到 Messenger Desk，让团队可以接收并回复消息。此功能尚未开放。",
  "empty.campaigns.title": "通过营销活动触达客户",
  "empty.campaigns.body": "向已订阅的客户发送群发消息和消息序列。此功能尚未开放。",
  "empty.conversations.title": "团队收件箱",
  "empty.conversations.body": "已连接主页收到的消息将显示在这里，供客服回复。此功能尚未开放。",
};
