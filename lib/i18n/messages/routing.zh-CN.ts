import type { routingEn } from "./routing.en";

/** 客服工作台的分配（在线状态、分配、路由设置）。键必须与 routing.en.ts 完全一致。 */
export const routingZhCN: Record<keyof typeof routingEn, string> = {
  "field.queueMessage": "排队提示",
  "field.offlineReply": "非工作时间回复",
  "field.workingHours": "工作时间",
  "field.memo": "备注",

  "routing.errors.conversationNotFound": "找不到该会话。",
  "routing.errors.memberNotFound": "找不到该成员。",
  "routing.errors.notQueued": "该会话已不在排队中。",
  "routing.errors.atCapacity": "该客服已有 {cap} 个进行中的会话，已达到此技能组的上限。",
  "routing.errors.notInSkillGroup": "该客服不在此会话的技能组中。",
  "routing.errors.notYourSkillGroup": "只能接入自己所在技能组的会话。",
  "routing.errors.resolved": "该会话已解决，请先重新打开。",
  "routing.errors.notResolved": "该会话尚未解决。",
  "routing.errors.noSkillGroup": "该会话没有可分配的技能组。",
  "routing.errors.membersOnly": "只有组织成员才有在线状态，API 密钥没有。",
  "routing.errors.transferTarget": "请选择要转接到的技能组或客服。",
  "routing.errors.status": "请选择在线、离开或离线。",
  "routing.errors.strategy": "请选择最空闲优先或轮流分配。",
  "routing.errors.offlinePolicy": "请选择保留或重新排队。",
  "routing.errors.cap": "上限须为 1 到 100 之间的整数。",
  "routing.errors.time": "时间格式为 HH:MM，范围 00:00 至 24:00。",
  "routing.errors.weekday": "星期以 0（星期日）至 6（星期六）表示。",
  "routing.errors.id": "无效的 ID。",
};
