import type { validationEn } from "./validation.en";

/** 服务对无效输入的说明（lib/validation.ts），以及各功能共用的字段名称。键必须与 validation.en.ts 完全一致。 */
export const validationZhCN: Record<keyof typeof validationEn, string> = {
  "validation.required": "请填写{field}。",
  "validation.tooLong": "{field}最多 {max} 个字符。",
  "validation.tooShort": "{field}至少 {min} 个字符。",
  "validation.looksTooShort": "{field}似乎太短。",
  "validation.webAddress": "{field}必须是以 https:// 开头的网址。",
  "validation.nul": "文本不能包含 NUL 字符。",
  "validation.atLeastOneField": "请至少修改一个字段。",
  "validation.invalidInput": "输入无效。",
  "validation.email": "请输入有效的邮箱地址。",
  "validation.oneOf": "{field} 必须是以下之一：{values}。",
  "validation.channelIdWithStop": "channelId 必须是渠道 ID。",
  "validation.channelId": "channelId 必须是渠道 ID。",
  "validation.cursor": "cursor 必须是上一页返回的 ID",
  "validation.issue.tooSmall": "{field} 不能小于 {min}。",
  "validation.issue.tooBig": "{field} 不能大于 {max}。",
  "validation.issue.invalidFormat": "{field} 格式无效。",
  "validation.issue.invalidType": "{field} 类型错误。",
  "validation.issue.invalidValue": "{field} 不是允许的值。",

  "field.name": "名称",
  "field.yourName": "您的姓名",
  "field.description": "描述",
  "field.email": "邮箱",
  "field.password": "密码",
  "field.orgName": "组织名称",
  "field.search": "搜索内容",
};
