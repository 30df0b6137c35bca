/**
 * Graph API routing: versioned (/v21.0/...) and unversioned paths, access tokens from the query, the body
 * or the Authorization header, per-Page faults, and Graph's error envelope. Handlers are synchronous; an
 * injected latency is returned as `delayMs` for the HTTP layer to wait out.
 */
import { newAccessToken } from "../ids";
import { SandboxStore } from "../state/store";
import { WEBHOOK_FIELDS, type SandboxPage, type UserAccessToken, type WebhookField } from "../state/types";
import type { GraphContext } from "./context";
import { GraphError, graphErrors } from "./graph-error";
import { handleBatch } from "./batch";
import { handleSend, recordRejectedSend } from "./send-api";
import { handleAttachmentUpload } from "./attachments";
import { handleThreadControl } from "./thread-control";

export interface GraphRequest {
  method: string;
  /** Path without the version prefix, e.g. "/me/messages". */
  path: string;
  params: Record<string, unknown>;
  authorization?: string;
}

export interface GraphResponse {
  status: number;
  body: unknown;
  delayMs?: number;
}

const VERSION_PREFIX = /^\/v\d+\.\d+(?=\/|$)/;

export function stripVersion(pathname: string): string {
  return pathname.replace(VERSION_PREFIX, "") || "/";
}

/** A Page token speaks for the Page through one app (the default app, or another connected app). */
type Auth = { kind: "page"; page: SandboxPage; appId: string } | { kind: "user"; user: UserAccessToken } | { kind: "none" };

export function handleGraph(ctx: GraphContext, req: GraphRequest): GraphResponse {
  const segments = req.path.split("/").filter(Boolean);
  const isSend = req.method === "POST" && segments.length === 2 && segments[1] === "messages";
  let page: SandboxPage | null = null;
  try {
    if (segments[0] === "oauth" && segments[1] === "access_token") return exchangeToken(ctx, req.params);
    if (segments.length === 1 && segments[0] === "debug_token" && req.method === "GET") return debugToken(ctx, req);
    if (segments.length === 0 && req.method === "POST" && req.params.batch !== undefined) return handleBatch(ctx, req, handleGraph);
    const auth = authenticate(ctx, req);
    if (auth.kind === "page") {
      page = auth.page;
      const fault = ctx.faults.check(page, ctx.clock.now());
      const delayMs = ctx.faults.latencyMs(page) || undefined;
      if (fault) throw Object.assign(fault, { delayMs });
      const response = route(ctx, req, segments, auth);
      return delayMs ? { ...response, delayMs } : response;
    }
    return route(ctx, req, segments, auth);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    const delayMs = (error as GraphError & { delayMs?: number }).delayMs;
    if (isSend) return { ...recordRejectedSend(ctx, page, req.params, error), delayMs };
    return { status: error.httpStatus, body: error.toBody(), delayMs };
  }
}

function authenticate(ctx: GraphContext, req: GraphRequest): Auth {
  let token = req.params.access_token;
  if (token === undefined && req.authorization) token = req.authorization.replace(/^(Bearer|OAuth)\s+/i, "");
  if (token === undefined || token === "") return { kind: "none" };
  if (typeof token !== "string") throw graphErrors.invalidToken();
  const owner = ctx.store.pageTokenOwner(token);
  if (owner) {
    if (owner.page.tokenRevoked) throw graphErrors.revokedToken();
    return { kind: "page", page: owner.page, appId: owner.appId };
  }
  const user = ctx.store.userTokens.get(token);
  if (user) {
    if (user.expiresAt !== null && ctx.clock.now() > user.expiresAt) {
      throw new GraphError(400, 190, "Error validating access token: Session has expired.", 463);
    }
    return { kind: "user", user };
  }
  throw graphErrors.invalidToken();
}

function route(ctx: GraphContext, req: GraphRequest, segments: string[], auth: Auth): GraphResponse {
  if (auth.kind === "none") throw graphErrors.missingToken();
  const [first, second] = segments;
  if (!first) throw graphErrors.unknownPath("/");
  if (segments.length === 2 && second === "messages" && req.method === "POST") {
    if (auth.kind !== "page") throw graphErrors.invalidParameter("A page access token is required to request this resource.", 2018218);
    return handleSend(ctx, auth.page, first === "me" ? null : first, req.params, auth.appId);
  }
  if (segments.length === 2 && second === "message_attachments" && req.method === "POST") {
    if (auth.kind !== "page") throw graphErrors.invalidParameter("A page access token is required to request this resource.", 2018218);
    return handleAttachmentUpload(ctx, auth.page, first === "me" ? null : first, req.params);
  }
  if (segments.length === 2 && THREAD_CONTROL_CALLS[second] === req.method) {
    if (auth.kind !== "page") throw new GraphError(400, 210, "(#210) A page access token is required to request this resource.");
    const call = second as Parameters<typeof handleThreadControl>[2];
    return handleThreadControl(ctx, ctx.threadControl, call, auth.page, first === "me" ? null : first, auth.appId, req.params);
  }
  if (segments.length === 2 && second === "accounts" && req.method === "GET" && first === "me") return listAccounts(ctx, auth);
  if (segments.length === 2 && second === "subscribed_apps") return subscribedApps(ctx, req, auth, first);
  if (segments.length === 1 && req.method === "GET") return getNode(ctx, req, auth, first);
  throw graphErrors.unknownPath(segments.slice(1).join("/") || first);
}

const THREAD_CONTROL_CALLS: Record<string, string> = {
  pass_thread_control: "POST",
  take_thread_control: "POST",
  request_thread_control: "POST",
  thread_owner: "GET",
  secondary_receivers: "GET",
};

const PAGE_FIELDS = new Set(["id", "name", "username", "category", "link"]);
const PROFILE_FIELDS = new Set(["id", "name", "first_name", "last_name", "profile_pic", "locale", "timezone", "gender"]);

function requestedFields(params: Record<string, unknown>, defaults: string[], allowed: Set<string>, nodeType: string): string[] {
  const fields = typeof params.fields === "string" && params.fields.trim() ? params.fields.split(",").map((f) => f.trim()) : defaults;
  for (const field of fields) {
    if (!allowed.has(field)) throw graphErrors.invalidParameter(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);
  }
  return fields;
}

function pageNode(page: SandboxPage, fields: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: page.id,
    name: page.name,
    username: page.username,
    category: "Product/service",
    link: `https://www.facebook.com/${page.username}`,
  };
  return Object.fromEntries(fields.map((f) => [f, all[f]]));
}

function getNode(ctx: GraphContext, req: GraphRequest, auth: Auth, id: string): GraphResponse {
  if (id === "me") {
    if (auth.kind === "page") return { status: 200, body: pageNode(auth.page, requestedFields(req.params, ["name", "id"], PAGE_FIELDS, "Page")) };
    return { status: 200, body: { name: "Sandbox Admin", id: "4000000000000004" } };
  }
  const page = ctx.store.pages.get(id);
  if (page) return { status: 200, body: pageNode(page, requestedFields(req.params, ["name", "id"], PAGE_FIELDS, "Page")) };
  const user = ctx.store.users.get(id);
  // A PSID is only visible to the Page it belongs to.
  if (user && auth.kind === "page" && auth.page.id === user.pageId) {
    const fields = requestedFields(req.params, ["first_name", "last_name", "profile_pic", "id"], PROFILE_FIELDS, "User");
    const all: Record<string, unknown> = {
      id: user.psid,
      name: `${user.firstName} ${user.lastName}`,
      first_name: user.firstName,
      last_name: user.lastName,
      profile_pic: user.profilePic,
      locale: user.locale,
      timezone: 0,
      gender: "neutral",
    };
    return { status: 200, body: Object.fromEntries(fields.map((f) => [f, all[f]])) };
  }
  throw graphErrors.unknownObject(id);
}

function listAccounts(ctx: GraphContext, auth: Auth): GraphResponse {
  if (auth.kind !== "user") throw new GraphError(400, 100, "(#100) Tried accessing nonexisting field (accounts) on node type (Page)");
  const data = auth.user.pageIds
    .map((id) => ctx.store.pages.get(id))
    .filter((p): p is SandboxPage => !!p)
    .map((p) => ({
      access_token: p.accessToken,
      category: "Product/service",
      category_list: [{ id: "2201", name: "Product/service" }],
      name: p.name,
      id: p.id,
      tasks: ["ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE", "MANAGE"],
    }));
  return { status: 200, body: { data, paging: { cursors: { before: "QVFIU", after: "QVFIU" } } } };
}

function subscribedApps(ctx: GraphContext, req: GraphRequest, auth: Auth, pageIdOrMe: string): GraphResponse {
  if (auth.kind !== "page") throw new GraphError(400, 210, "(#210) A page access token is required to request this resource.");
  const page = auth.page;
  if (pageIdOrMe !== "me" && pageIdOrMe !== page.id) throw graphErrors.unknownObject(pageIdOrMe);
  const appId = auth.appId;
  const app = ctx.store.apps.get(appId);
  if (req.method === "GET") {
    // Every app subscribed to the Page, as on Meta (the Page's default app first).
    const data = [page.appId, ...page.connectedApps.map((c) => c.appId)]
      .map((id) => ({ id, fields: ctx.store.fieldsOf(page, id) ?? [] }))
      .filter((a) => a.fields.length)
      .map((a) => ({ category: "Business", link: "https://sandbox.local/", name: ctx.store.apps.get(a.id)?.name ?? "Sandbox App", id: a.id, subscribed_fields: a.fields }));
    return { status: 200, body: { data } };
  }
  const setFields = (fields: WebhookField[]) => {
    if (appId === page.appId) page.subscribedFields = fields;
    else {
      const connected = page.connectedApps.find((c) => c.appId === appId);
      if (connected) connected.subscribedFields = fields;
    }
  };
  if (req.method === "DELETE") {
    setFields([]);
    ctx.store.touch();
    return { status: 200, body: { success: true } };
  }
  if (req.method !== "POST") throw graphErrors.unknownPath("subscribed_apps");
  const raw = req.params.subscribed_fields;
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? parseFieldList(raw) : null;
  if (!list || list.length === 0) throw graphErrors.invalidParameter("The parameter subscribed_fields is required.");
  for (const field of list) {
    if (!(WEBHOOK_FIELDS as readonly string[]).includes(field)) {
      throw graphErrors.invalidParameter(`Param subscribed_fields must be one of {${WEBHOOK_FIELDS.join(", ")}} - got "${field}".`);
    }
  }
  setFields([...new Set(list as WebhookField[])]);
  // Subscribing again is how a Page gets its webhooks back after Meta disabled the app for failures.
  if (app && !app.subscriptionActive) ctx.dispatcher.enableApp(app);
  ctx.store.touch();
  return { status: 200, body: { success: true } };
}

function parseFieldList(raw: string): string[] {
  const trimmed = raw.trim();
  if (trimmed.startsWith("[")) {
    try {
      return (JSON.parse(trimmed) as unknown[]).map(String);
    } catch {
      /* fall through to comma list */
    }
  }
  return trimmed.split(",").map((f) => f.trim()).filter(Boolean);
}

/** GET /oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token: long-lived user token. */
function exchangeToken(ctx: GraphContext, params: Record<string, unknown>): GraphResponse {
  const app = ctx.store.apps.get(String(params.client_id ?? ""));
  if (!app) throw graphErrors.invalidAppId();
  if (params.client_secret !== app.secret) throw graphErrors.invalidAppSecret();
  if (params.grant_type !== "fb_exchange_token") {
    throw graphErrors.invalidParameter("Unsupported grant_type; the sandbox supports fb_exchange_token");
  }
  const shortLived = ctx.store.userTokens.get(String(params.fb_exchange_token ?? ""));
  if (!shortLived) throw graphErrors.invalidToken();
  const longLived = ctx.store.addUserToken(shortLived.pageIds, newAccessToken(), SandboxStore.LONG_LIVED_USER_TOKEN_MS, ctx.clock.now());
  return {
    status: 200,
    body: { access_token: longLived.token, token_type: "bearer", expires_in: Math.round(SandboxStore.LONG_LIVED_USER_TOKEN_MS / 1000) },
  };
}


/**
 * GET /debug_token?input_token=X with the app's token (`{app-id}|{app-secret}`): Meta's token inspection. A Page
 * token the sandbox revoked answers is_valid:false with 190/460 (the password-change death); an unknown token
 * is_valid:false with 190; a wrong app token is a 190 error envelope. Page tokens never expire (expires_at 0).
 */
function debugToken(ctx: GraphContext, req: GraphRequest): GraphResponse {
  let appToken = req.params.access_token;
  if (appToken === undefined && req.authorization) appToken = req.authorization.replace(/^(Bearer|OAuth)\s+/i, "");
  const [appId, secret] = typeof appToken === "string" ? appToken.split("|") : [];
  const app = appId ? ctx.store.apps.get(appId) : undefined;
  if (!app || secret !== app.secret) throw graphErrors.invalidToken();
  const input = String(req.params.input_token ?? "");
  const owner = input ? ctx.store.pageTokenOwner(input) : undefined;
  if (owner) {
    const application = ctx.store.apps.get(owner.appId)?.name ?? "Sandbox App";
    const base = { app_id: owner.appId, type: "PAGE", application, expires_at: 0, profile_id: owner.page.id, user_id: "4000000000000004" };
    if (owner.page.tokenRevoked) {
      const dead = graphErrors.revokedToken();
      return { status: 200, body: { data: { ...base, is_valid: false, scopes: [], error: { code: dead.code, subcode: dead.subcode, message: dead.message } } } };
    }
    return { status: 200, body: { data: { ...base, is_valid: true, scopes: ["pages_show_list", "pages_messaging", "pages_manage_metadata"] } } };
  }
  const user = ctx.store.userTokens.get(input);
  if (user) {
    const expired = user.expiresAt !== null && ctx.clock.now() > user.expiresAt;
    const data = { app_id: app.id, type: "USER", application: app.name, expires_at: user.expiresAt === null ? 0 : Math.floor(user.expiresAt / 1000), scopes: ["pages_show_list"], user_id: "4000000000000004" };
    if (expired) return { status: 200, body: { data: { ...data, is_valid: false, error: { code: 190, subcode: 463, message: "Error validating access token: Session has expired." } } } };
    return { status: 200, body: { data: { ...data, is_valid: true } } };
  }
  return { status: 200, body: { data: { is_valid: false, scopes: [], error: { code: 190, message: "Invalid OAuth access token - Cannot parse access token" } } } };
}
