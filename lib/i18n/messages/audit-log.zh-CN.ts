import type { auditLogEn } from "./audit-log.en";

/** 设置 → 审计日志：界面（列、筛选）；词汇标签见 audit.zh-CN.ts。键必须与 audit-log.en.ts 完全一致。 */
export const auditLogZhCN: Record<keyof typeof auditLogEn, string> = {
  "audit.description": "{org} 中的所有变更记录，按时间倒序排列。",
  "audit.col.time": "时间",
  "audit.col.actor": "操作人",
  "audit.col.action": "操作",
  "audit.col.resource": "对象",
  "audit.col.changes": "变更内容",
  "audit.before": "变更前",
  "audit.after": "变更后",
  "audit.filter.action": "操作",
  "audit.filter.resourceType": "对象类型",
  "audit.filter.any": "全部",
  "audit.filter.clear": "清除筛选",
  "audit.empty": "没有符合筛选条件的记录。",
  "audit.end": "已显示全部记录。",
  "audit.actor.system": "系统",
  "audit.actor.api_key": "API 密钥",
  "audit.actor.user": "成员",
  "audit.errors.actionFilter": "action 必须是审计操作（如 campaign.finished）或其领域（campaign.）。",
};
