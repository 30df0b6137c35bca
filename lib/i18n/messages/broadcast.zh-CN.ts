import type { broadcastEn } from "./broadcast.en";

/** 定期通知与营销消息活动（群发引擎）：错误、投递状态与原因、本地时间规则。键必须与 broadcast.en.ts 完全一致。 */
export const broadcastZhCN: Record<keyof typeof broadcastEn, string> = {
  "broadcast.errors.kind": "请选择活动的发送方式：otn、recurring 或 marketing。",
  "broadcast.errors.topicRequired": "请选择接收此活动的定期通知主题。",
  "broadcast.errors.topicNotFound": "此渠道上找不到该定期通知主题。",
  "broadcast.errors.topicNotRegistered": "该主题尚未在 Meta 注册：请先注册（由主页管理员确认订阅请求），再向其发送。",
  "broadcast.errors.localSendTime": "本地发送时间须为 HH:MM（24 小时制），例如 10:00。",
  "broadcast.errors.budgetType": "预算类型须为每日（daily）或总预算（lifetime）。",
  "broadcast.errors.budgetAmount": "预算须为 {min} 到 {max} 之间的整数（单位：分）。",
  "broadcast.errors.fieldNotForKind": "此字段不适用于 {kind} 活动。",
  "broadcast.kind.otn": "一次性通知",
  "broadcast.kind.recurring": "定期通知",
  "broadcast.kind.marketing": "营销消息",
  "broadcast.pause.regionUnavailable": "Meta 拒绝：此主页所在地区或企业不可使用此类消息。",
  "broadcast.pause.campaignNotActive": "Meta 表示该营销活动未处于活跃状态（已暂停、未开始或已结束）。",
  "broadcast.pause.permissionMissing": "应用缺少 Meta 的营销消息或广告权限。",
};
