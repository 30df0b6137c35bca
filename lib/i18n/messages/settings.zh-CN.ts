import type { settingsEn } from "./settings.en";

/** 设置：导航与无权访问时显示的页面。键必须与 settings.en.ts 完全一致。 */
export const settingsZhCN: Record<keyof typeof settingsEn, string> = {
  "settings.nav.members": "成员",
  "settings.nav.skillGroups": "技能组",
  "settings.nav.apiKeys": "API 密钥",
  "settings.nav.auditLog": "审计日志",
  "settings.noAccess.title": "您无权访问设置",
  "settings.noAccess.body": "只有 {org} 的所有者和管理员可以访问设置。如需修改，请联系他们。",
  "settings.noAccess.back": "返回工作台",
};
