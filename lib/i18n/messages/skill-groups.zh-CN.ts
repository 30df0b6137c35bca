import type { skillGroupsEn } from "./skill-groups.en";

/** 设置 → 技能组。键必须与 skill-groups.en.ts 完全一致。 */
export const skillGroupsZhCN: Record<keyof typeof skillGroupsEn, string> = {
  "skillGroups.description": "按语言、产品或市场为客服分组，让每个会话都能分配给合适的人。",
  "skillGroups.create": "新建技能组",
  "skillGroups.create.title": "创建技能组",
  "skillGroups.edit.title": "编辑技能组",
  "skillGroups.namePlaceholder": "例如：英语客服",
  "skillGroups.descriptionPlaceholder": "该组负责的内容",
  "skillGroups.noDescription": "暂无描述",
  "skillGroups.empty.title": "暂无技能组",
  "skillGroups.empty.body": "创建如“英语客服”或“西班牙语售前”等分组，并添加客服成员。",
  "skillGroups.memberCount": "{count} 名成员",
  "skillGroups.memberCountOne": "1 名成员",
  "skillGroups.manage": "管理",
  "skillGroups.delete.title": "删除 {name}？",
  "skillGroups.delete.body": "成员仍保留在组织中，只会删除该分组。",
  "skillGroups.back": "全部技能组",
  "skillGroups.members.title": "组内成员",
  "skillGroups.members.empty": "该组暂无成员。",
  "skillGroups.members.add": "添加成员",
  "skillGroups.members.choose": "选择成员",
  "skillGroups.members.allAdded": "组织内所有成员都已在该组中。",
  "skillGroups.members.removeLabel": "将 {name} 移出该组",

  // 服务的消息（领域错误、校验）：API 使用英文，控制台按键翻译。
  "skillGroups.errors.notFound": "未找到该技能组。",
  "skillGroups.errors.memberNotFound": "该成员不在此技能组中。",
  "skillGroups.errors.nameTaken": "名为“{name}”的技能组已存在。",
  "skillGroups.errors.answersChannel": "此技能组正在负责渠道“{channel}”，请先将该渠道改由其他技能组负责。",
  "skillGroups.errors.alreadyInGroup": "{email} 已在 {group} 中。",
  "skillGroups.errors.nameOrDescription": "请填写要修改的名称或描述。",
  "skillGroups.errors.membershipId": "membershipId 必须是成员 ID。",
};
