import type { apiKeysEn } from "./api-keys.en";

/** 设置 → API 密钥。键必须与 api-keys.en.ts 完全一致。 */
export const apiKeysZhCN: Record<keyof typeof apiKeysEn, string> = {
  "apiKeys.description": "API 密钥让您自己的系统（CRM、ERP、网店）代表 {org} 调用 Messenger Desk API。",
  "apiKeys.create": "创建 API 密钥",
  "apiKeys.create.title": "创建 API 密钥",
  "apiKeys.namePlaceholder": "例如：CRM 同步",
  "apiKeys.roleHint": "该密钥的权限与此角色的成员相同。",
  "apiKeys.secret.title": "复制新的 API 密钥",
  "apiKeys.secret.warning": "密钥仅显示这一次，请妥善保存。如果丢失，请撤销后重新创建。",
  "apiKeys.secret.label": "密钥",
  "apiKeys.secret.copy": "复制密钥",
  "apiKeys.col.key": "密钥",
  "apiKeys.col.lastUsed": "最近使用",
  "apiKeys.col.created": "创建时间",
  "apiKeys.col.status": "状态",
  "apiKeys.status.active": "有效",
  "apiKeys.status.revoked": "已撤销",
  "apiKeys.revoke": "撤销",
  "apiKeys.revoke.label": "撤销 {name}",
  "apiKeys.revoke.title": "撤销 {name}？",
  "apiKeys.revoke.body": "使用该密钥的请求将立即被拒绝，此操作不可撤销。",
  "apiKeys.empty.title": "暂无 API 密钥",
  "apiKeys.empty.body": "创建密钥，将您的 CRM、ERP 或网店连接到 Messenger Desk。",
  "apiKeys.col.createdBy": "创建者",
  "apiKeys.createdBy.gone": "已删除的账号",
  "apiKeys.onBehalfOf": "密钥代表创建它的成员行事：权限绝不超过该成员当前的权限；该成员离开 {org} 后，密钥随即失效。",

  // 服务的消息（领域错误、校验）：API 使用英文，控制台按键翻译。
  "apiKeys.errors.notFound": "未找到该 API 密钥。",
  "apiKeys.errors.moreRights": "不能创建权限高于您自己的密钥。",
  "apiKeys.errors.needsMember": "API 密钥必须由组织成员创建。",
  "apiKeys.errors.invalid": "API 密钥无效或已撤销。",
};
