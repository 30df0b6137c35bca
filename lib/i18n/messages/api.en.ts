/**
 * What the HTTP API's own checks say (lib/api): read by integrations, and keyed like every server message so
 * each domain error has one. Spread into the English catalog; keys are checked against api.zh-CN.ts.
 */
export const apiEn = {
  "api.crossSite": "Cross-site request refused: a request signed in with the session cookie must come from this app's own pages (Origin {origin}). Integrations use an API key.",
  "api.jsonOnly": "A request signed in with the session cookie must send its body as application/json, not {mediaType}.",
  "api.bearerFormat": "Authorization must be `Bearer <api key>`.",
  "api.authRequired": "Send `Authorization: Bearer <api key>` or sign in.",
  "api.orgRequired": "Name the organisation with ?org=<slug> or the X-Org-Slug header.",
  "api.invalidJson": "The request body is not valid JSON.",
  "api.bodyTooLarge": "The request body is larger than this endpoint takes ({megabytes} MB at most).",
  "api.unknownQueryParameter": "Unknown query parameter `{name}`: this operation accepts {accepted}.",
  "api.noQueryParameters": "Unknown query parameter `{name}`: this operation takes no query parameters.",
  "api.notFound": "No API route {method} {path}. The operations are listed in /api/v1/openapi.json.",
} as const;
