import type { apiEn } from "./api.en";

/** HTTP API 自身检查的说明（lib/api）。键必须与 api.en.ts 完全一致。 */
export const apiZhCN: Record<keyof typeof apiEn, string> = {
  "api.crossSite": "已拒绝跨站请求：使用会话 Cookie 登录的请求必须来自本应用自己的页面（Origin {origin}）。集成请使用 API 密钥。",
  "api.jsonOnly": "使用会话 Cookie 登录的请求必须以 application/json 发送请求体，而不是 {mediaType}。",
  "api.bearerFormat": "Authorization 必须是 `Bearer <api key>`。",
  "api.authRequired": "请发送 `Authorization: Bearer <api key>` 或登录。",
  "api.orgRequired": "请用 ?org=<slug> 或 X-Org-Slug 请求头指定组织。",
  "api.invalidJson": "请求体不是有效的 JSON。",
  "api.bodyTooLarge": "请求体超过此接口的上限（最多 {megabytes} MB）。",
  "api.unknownQueryParameter": "未知的查询参数 `{name}`：此操作只接受 {accepted}。",
  "api.noQueryParameters": "未知的查询参数 `{name}`：此操作不接受查询参数。",
  "api.notFound": "没有 API 路由 {method} {path}。所有操作见 /api/v1/openapi.json。",
};
