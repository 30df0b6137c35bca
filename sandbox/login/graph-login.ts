/**
 * The Graph side of Facebook Login: the code exchange, user tokens (/me, /me/permissions, /me/accounts with
 * cursor paging and per-app Page tokens), debug_token with an app token, and dead Page tokens (190 + subcode).
 */
import { MINUTE_MS } from "../clock";
import type { GraphContext } from "../graph/context";
import { GraphError, graphErrors } from "../graph/graph-error";
import { newAccessToken, newOpaqueToken } from "../ids";
import { DEMO, DEMO_FACEBOOK_USER, PLATFORM } from "../state/demo";
import { SandboxStore } from "../state/store";
import type { AuthCode, DeadToken, SandboxApp, SandboxPage, UserAccessToken } from "../state/types";

export const CODE_LIFETIME_MS = 10 * MINUTE_MS;
/** Short-lived user tokens from a code live about 1.5 hours, as Meta's do. */
export const SHORT_LIVED_USER_TOKEN_S = 5400;
export const ALL_TASKS = ["ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"];
/** The legacy demo token predates scopes: it acts as if everything the platform asks was granted. */
const LEGACY_SCOPES = [...PLATFORM.loginPermissions];

interface GraphAnswer {
  status: number;
  body: unknown;
}

/** Meta's message for a token that died with `subcode`. */
export function deadTokenError(dead: Pick<DeadToken, "subcode" | "appId" | "at">): GraphError {
  const when = new Date(dead.at).toUTCString();
  const messages: Record<number, string> = {
    458: `Error validating access token: The user has not authorized application ${dead.appId}.`,
    460: "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
    463: `Error validating access token: Session has expired on ${when}.`,
    467: "Error validating access token: The access token is invalid. This may be because the user logged out or may be due to a system error.",
  };
  return new GraphError(400, 190, messages[dead.subcode] ?? messages[467], dead.subcode);
}

export function issueCode(ctx: Pick<GraphContext, "store" | "clock">, input: Omit<AuthCode, "code" | "expiresAt" | "usedAt">): AuthCode {
  const code: AuthCode = { ...input, code: `AQ${newOpaqueToken(48)}`, expiresAt: ctx.clock.now() + CODE_LIFETIME_MS, usedAt: null };
  ctx.store.authCodes.set(code.code, code);
  ctx.store.touch();
  return code;
}

/** GET /oauth/access_token: a dialog code, or grant_type=fb_exchange_token for a long-lived user token. */
export function exchangeToken(ctx: GraphContext, params: Record<string, unknown>): GraphAnswer {
  const app = ctx.store.apps.get(String(params.client_id ?? ""));
  if (!app) throw graphErrors.invalidAppId();
  if (params.client_secret !== app.secret) throw graphErrors.invalidAppSecret();
  if (params.code !== undefined && (params.grant_type === undefined || params.grant_type === "authorization_code")) return exchangeCode(ctx, app, params);
  if (params.grant_type !== "fb_exchange_token") {
    throw graphErrors.invalidParameter("Unsupported grant_type; the sandbox supports a code or fb_exchange_token");
  }
  const shortLived = ctx.store.userTokens.get(String(params.fb_exchange_token ?? ""));
  if (!shortLived || (shortLived.appId !== undefined && shortLived.appId !== app.id)) throw graphErrors.invalidToken();
  if (shortLived.expiresAt !== null && ctx.clock.now() > shortLived.expiresAt) throw expiredUserToken(shortLived);
  const { token: _old, expiresAt: _expires, ...grant } = shortLived;
  const longLived = ctx.store.addUserToken(shortLived.pageIds, newAccessToken(), SandboxStore.LONG_LIVED_USER_TOKEN_MS, ctx.clock.now());
  Object.assign(longLived, grant);
  ctx.store.touch();
  return {
    status: 200,
    body: { access_token: longLived.token, token_type: "bearer", expires_in: Math.round(SandboxStore.LONG_LIVED_USER_TOKEN_MS / 1000) },
  };
}

function exchangeCode(ctx: GraphContext, app: SandboxApp, params: Record<string, unknown>): GraphAnswer {
  const code = ctx.store.authCodes.get(String(params.code));
  if (!code || code.appId !== app.id) throw new GraphError(400, 100, "Invalid verification code format.");
  if (code.usedAt !== null) throw new GraphError(400, 100, "This authorization code has been used.", 36009);
  if (ctx.clock.now() > code.expiresAt) throw new GraphError(400, 100, "This authorization code has expired.", 36007);
  if (params.redirect_uri !== code.redirectUri) {
    throw new GraphError(
      400,
      100,
      "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
      36008,
    );
  }
  code.usedAt = ctx.clock.now();
  const token = ctx.store.addUserToken(code.pageIds, newAccessToken(), SHORT_LIVED_USER_TOKEN_S * 1000, ctx.clock.now());
  Object.assign(token, { appId: app.id, userId: code.userId, scopes: code.scopes, declined: code.declined });
  ctx.store.touch();
  return { status: 200, body: { access_token: token.token, token_type: "bearer", expires_in: SHORT_LIVED_USER_TOKEN_S } };
}

function expiredUserToken(token: UserAccessToken): GraphError {
  return deadTokenError({ subcode: 463, appId: token.appId ?? DEMO.appId, at: token.expiresAt ?? 0 });
}

/** Checks a user token's expiry (authenticate calls it). */
export function checkUserToken(ctx: GraphContext, token: UserAccessToken): void {
  if (token.expiresAt !== null && ctx.clock.now() > token.expiresAt) throw expiredUserToken(token);
}

const appOf = (token: UserAccessToken) => token.appId ?? DEMO.appId;
const userOf = (token: UserAccessToken) => token.userId ?? DEMO_FACEBOOK_USER.id;
const scopesOf = (token: UserAccessToken) => token.scopes ?? LEGACY_SCOPES;

/** GET /me with a user token: the Facebook user. */
export function userMe(ctx: GraphContext, token: UserAccessToken, params: Record<string, unknown>): GraphAnswer {
  const user = ctx.store.facebookUsers.get(userOf(token));
  const all: Record<string, unknown> = { id: userOf(token), name: user?.name ?? DEMO_FACEBOOK_USER.name };
  const fields = typeof params.fields === "string" && params.fields.trim() ? params.fields.split(",").map((f) => f.trim()) : ["name", "id"];
  for (const field of fields) {
    if (!(field in all)) throw graphErrors.invalidParameter(`Tried accessing nonexisting field (${field}) on node type (User)`);
  }
  return { status: 200, body: Object.fromEntries(fields.map((f) => [f, all[f]])) };
}

/** GET /me/permissions: public_profile, then every permission asked, granted or declined. */
export function userPermissions(token: UserAccessToken): GraphAnswer {
  const data = [
    { permission: "public_profile", status: "granted" },
    ...scopesOf(token).filter((p) => p !== "public_profile").map((permission) => ({ permission, status: "granted" })),
    ...(token.declined ?? []).map((permission) => ({ permission, status: "declined" })),
  ];
  return { status: 200, body: { data } };
}

const ACCOUNT_FIELDS = new Set(["id", "name", "access_token", "category", "category_list", "tasks", "picture", "username", "link"]);

/** Top-level names of a Graph `fields` list ("id,picture{url},name" → id, picture, name). */
export function topLevelFields(raw: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of raw) {
    if (ch === "{" || ch === "(") depth++;
    if (ch === "}" || ch === ")") depth--;
    if (ch === "," && depth === 0) {
      fields.push(current);
      current = "";
    } else current += ch;
  }
  fields.push(current);
  return fields.map((f) => f.replace(/[{(.].*$/s, "").trim()).filter(Boolean);
}

const encodeCursor = (index: number) => Buffer.from(`sandbox:${index}`).toString("base64url");
function decodeCursor(cursor: string): number {
  const match = /^sandbox:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw graphErrors.invalidParameter("Invalid cursor");
  return Number(match[1]);
}

export function pagePictureUrl(ctx: GraphContext, page: SandboxPage): string {
  return `${ctx.publicUrl?.() || ""}/_sandbox/media/pages/${page.id}/picture.svg`;
}

/**
 * GET /me/accounts: the chosen Pages the user still has a role on, each with the Page token of the token's app
 * (minted on first use, fresh after a token death), cursor-paged (default 25, `next` only when more).
 */
export function userAccounts(ctx: GraphContext, token: UserAccessToken, params: Record<string, unknown>): GraphAnswer {
  if (!scopesOf(token).includes("pages_show_list")) {
    throw new GraphError(400, 200, "(#200) Requires pages_show_list permission to manage the object");
  }
  const user = ctx.store.facebookUsers.get(userOf(token));
  const pages = token.pageIds
    .filter((id) => !user || token.userId === undefined || user.pageIds.includes(id))
    .map((id) => ctx.store.pages.get(id))
    .filter((p): p is SandboxPage => !!p);
  const fields = typeof params.fields === "string" && params.fields.trim() ? topLevelFields(params.fields) : null;
  for (const field of fields ?? []) {
    if (!ACCOUNT_FIELDS.has(field)) throw graphErrors.invalidParameter(`Tried accessing nonexisting field (${field}) on node type (Page)`);
  }
  const limit = Math.min(Math.max(Number(params.limit ?? 25) || 25, 1), 100);
  const start = typeof params.after === "string" && params.after ? decodeCursor(params.after) + 1 : 0;
  const slice = pages.slice(start, start + limit);
  const data = slice.map((page) => {
    const accessToken = ctx.store.pageTokenFor(page, appOf(token));
    ctx.store.pageTokenGrants.set(accessToken, { token: accessToken, userId: userOf(token), scopes: scopesOf(token) });
    const all: Record<string, unknown> = {
      access_token: accessToken,
      category: "Product/service",
      category_list: [{ id: "2201", name: "Product/service" }],
      name: page.name,
      id: page.id,
      username: page.username,
      link: `https://www.facebook.com/${page.username}`,
      tasks: user?.tasks[page.id] ?? ALL_TASKS,
      picture: { data: { url: pagePictureUrl(ctx, page), width: 50, height: 50, is_silhouette: false } },
    };
    return fields ? Object.fromEntries(fields.map((f) => [f, all[f]])) : all;
  });
  if (slice.length) ctx.store.touch();
  const more = start + limit < pages.length;
  const paging: Record<string, unknown> = {};
  if (slice.length) paging.cursors = { before: encodeCursor(start), ...(more ? { after: encodeCursor(start + slice.length - 1) } : {}) };
  if (more) {
    const next = new URLSearchParams({ access_token: token.token, limit: String(limit), after: encodeCursor(start + slice.length - 1) });
    if (typeof params.fields === "string") next.set("fields", params.fields);
    paging.next = `${ctx.publicUrl?.() || ""}/v21.0/me/accounts?${next}`;
  }
  return { status: 200, body: slice.length ? { data, paging } : { data } };
}

/** An app token "{app-id}|{app-secret}" (null when the string is not shaped like one). */
export function appFromAppToken(ctx: GraphContext, token: string): SandboxApp | null {
  const bar = token.indexOf("|");
  if (bar <= 0) return null;
  const app = ctx.store.apps.get(token.slice(0, bar));
  if (!app || app.secret !== token.slice(bar + 1)) throw new GraphError(400, 190, "Invalid OAuth access token signature.");
  return app;
}

/** GET /debug_token?input_token=… with an app token. */
export function debugToken(ctx: GraphContext, params: Record<string, unknown>): GraphAnswer {
  const input = typeof params.input_token === "string" ? params.input_token : "";
  if (!input) throw graphErrors.invalidParameter("The parameter input_token is required");
  const appName = (id: string) => ctx.store.apps.get(id)?.name ?? "Sandbox App";
  const now = Math.floor(ctx.clock.now() / 1000);
  const dead = ctx.store.deadTokens.get(input);
  const owner = ctx.store.pageTokenOwner(input);
  if (dead || owner) {
    const pageId = dead?.pageId ?? owner!.page.id;
    const appId = dead?.appId ?? owner!.appId;
    const grant = ctx.store.pageTokenGrants.get(input);
    const data: Record<string, unknown> = {
      app_id: appId,
      type: "PAGE",
      application: appName(appId),
      data_access_expires_at: now + 90 * 86_400,
      expires_at: 0,
      is_valid: true,
      issued_at: now,
      profile_id: pageId,
      scopes: grant?.scopes ?? LEGACY_SCOPES,
      user_id: grant?.userId ?? DEMO_FACEBOOK_USER.id,
    };
    const error = dead ? deadTokenError(dead) : owner!.page.tokenRevoked && owner!.appId === owner!.page.appId ? graphErrors.revokedToken() : null;
    if (error) Object.assign(data, { is_valid: false, scopes: [], error: { code: 190, message: error.message, subcode: error.subcode } });
    return { status: 200, body: { data } };
  }
  const user = ctx.store.userTokens.get(input);
  if (user) {
    const expired = user.expiresAt !== null && ctx.clock.now() > user.expiresAt;
    const scopes = ["public_profile", ...scopesOf(user).filter((s) => s !== "public_profile")];
    const data: Record<string, unknown> = {
      app_id: appOf(user),
      type: "USER",
      application: appName(appOf(user)),
      data_access_expires_at: now + 90 * 86_400,
      expires_at: user.expiresAt === null ? 0 : Math.floor(user.expiresAt / 1000),
      is_valid: !expired,
      scopes: expired ? [] : scopes,
      granular_scopes: scopesOf(user).filter((s) => s.startsWith("pages_")).map((scope) => ({ scope, target_ids: user.pageIds })),
      user_id: userOf(user),
    };
    if (expired) data.error = { code: 190, message: expiredUserToken(user).message, subcode: 463 };
    return { status: 200, body: { data } };
  }
  return { status: 200, body: { data: { error: { code: 190, message: "Invalid OAuth access token - Cannot parse access token" }, is_valid: false, scopes: [] } } };
}
