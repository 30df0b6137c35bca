import type { membersEn } from "./members.en";

/** 设置 → 成员及其邀请。键必须与 members.en.ts 完全一致。 */
export const membersZhCN: Record<keyof typeof membersEn, string> = {
  "members.description": "可登录 {org} 的成员及其权限。",
  "members.invite": "邀请成员",
  "members.invite.title": "邀请成员",
  "members.invite.description": "系统将生成一个邀请链接，请自行发送给对方。链接 7 天内有效。",
  "members.invite.submit": "生成邀请链接",
  "members.invite.linkTitle": "邀请链接已生成",
  "members.invite.linkBody": "请将此链接发送给 {email}。打开链接的人可以“{role}”身份加入，请私下分享。",
  "members.invite.linkLabel": "邀请链接",
  "members.invite.copyLink": "复制邀请链接",
  "members.col.member": "成员",
  "members.col.joined": "加入时间",
  "members.changeRole": "{name} 的角色",
  "members.roleUpdated": "已将 {name} 的角色更改为“{role}”。",
  "members.remove.label": "移除 {name}",
  "members.remove.title": "移除 {name}？",
  "members.remove.body": "对方将立即失去 {org} 的访问权限，其历史操作仍保留在审计日志中。",
  "members.remove.confirm": "移除成员",
  "members.invitations.title": "待接受的邀请",
  "members.invitations.empty": "暂无待接受的邀请。",
  "members.invitations.expires": "过期时间",
  "members.invitations.revoke": "撤销",
  "members.invitations.revokeLabel": "撤销对 {email} 的邀请",
  "members.invitations.revokeTitle": "撤销对 {email} 的邀请？",
  "members.invitations.revokeBody": "该链接将失效，之后仍可重新邀请。",

  // 服务的消息（领域错误、校验）：API 使用英文，控制台按键翻译。
  "members.errors.notFound": "未找到该成员。",
  "members.errors.roleInvalid": "角色必须是所有者、管理员、营销人员或客服之一。",
  "members.errors.lastOwner": "组织必须至少保留一名所有者。",
  "members.errors.ownerRoleChange": "只有所有者才能更改所有者的角色或指定所有者。",
  "members.errors.ownerRemoval": "只有所有者才能移除所有者。",
  "members.errors.ownerInvite": "只有所有者才能邀请所有者。",
  "members.errors.alreadyMember": "{email} 已经是成员。",
  "members.errors.invitedConcurrently": "{email} 刚刚已被邀请，请重试。",
};
