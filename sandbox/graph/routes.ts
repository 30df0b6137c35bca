/**
 * Graph API routing: versioned (/v21.0/...) and unversioned paths, access tokens from the query, the body
 * or the Authorization header, per-Page faults, and Graph's error envelope. Handlers are synchronous; an
 * injected latency is returned as `delayMs` for the HTTP layer to wait out.
 */
import { appFromAppToken, checkUserToken, deadTokenError, debugToken, exchangeToken, userAccounts, userMe, userPermissions } from "../login/graph-login";
import { WEBHOOK_FIELDS, type SandboxApp, type SandboxPage, type UserAccessToken, type WebhookField } from "../state/types";
import type { GraphContext } from "./context";
import { GraphError, graphErrors } from "./graph-error";
import { handleBatch } from "./batch";
import { handleSend, recordRejectedSend } from "./send-api";
import { handleAttachmentUpload } from "./attachments";
import { handleThreadControl } from "./thread-control";
import { handleMessengerProfile } from "./messenger-profile";
import { campaignNode, createCampaign, listSubscriptionTokens, sendMarketingMessage, unsubscribe } from "./marketing-messages";

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
type Auth =
  | { kind: "page"; page: SandboxPage; appId: string }
  | { kind: "user"; user: UserAccessToken }
  | { kind: "app"; app: SandboxApp }
  | { kind: "none" };

export function handleGraph(ctx: GraphContext, req: GraphRequest): GraphResponse {
  const segments = req.path.split("/").filter(Boolean);
  const isSend = req.method === "POST" && segments.length === 2 && segments[1] === "messages";
  let page: SandboxPage | null = null;
  try {
    if (segments[0] === "oauth" && segments[1] === "access_token") return exchangeToken(ctx, req.params);
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
  // A Page token killed through the control API (token-death) answers 190 with its subcode, forever.
  const dead = ctx.store.deadTokens.get(token);
  if (dead) throw deadTokenError(dead);
  const owner = ctx.store.pageTokenOwner(token);
  if (owner) {
    if (owner.page.tokenRevoked) throw graphErrors.revokedToken();
    return { kind: "page", page: owner.page, appId: owner.appId };
  }
  const user = ctx.store.userTokens.get(token);
  if (user) {
    checkUserToken(ctx, user);
    return { kind: "user", user };
  }
  const app = appFromAppToken(ctx, token);
  if (app) return { kind: "app", app };
  throw graphErrors.invalidToken();
}

function route(ctx: GraphContext, req: GraphRequest, segments: string[], auth: Auth): GraphResponse {
  if (auth.kind === "none") throw graphErrors.missingToken();
  const [first, second] = segments;
  if (!first) throw graphErrors.unknownPath("/");
  if (auth.kind === "app") {
    if (segments.length === 1 && first === "debug_token" && req.method === "GET") return debugToken(ctx, req.params);
    throw graphErrors.invalidParameter("An app access token cannot be used for this call; use a Page or user access token");
  }
  if (segments.length === 1 && first === "debug_token") throw new GraphError(400, 100, "(#100) You must provide an app access token, or a user access token that is an owner or developer of the app");
  if (auth.kind === "user" && first === "me" && req.method === "GET") {
    if (segments.length === 1) return userMe(ctx, auth.user, req.params);
    if (segments.length === 2 && second === "permissions") return userPermissions(auth.user);
    if (segments.length === 2 && second === "accounts") return userAccounts(ctx, auth.user, req.params);
  }
  const marketing = routeMarketing(ctx, req, segments, auth);
  if (marketing) return marketing;
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
  if (segments.length === 2 && second === "accounts" && req.method === "GET" && first === "me") {
    throw new GraphError(400, 100, "(#100) Tried accessing nonexisting field (accounts) on node type (Page)");
  }
  if (segments.length === 2 && second === "subscribed_apps") return subscribedApps(ctx, req, auth, first);
  if (segments.length === 2 && second === "messenger_profile") {
    if (auth.kind !== "page" || first !== "me") throw new GraphError(400, 210, "(#210) A page access token is required to request this resource.");
    return handleMessengerProfile(ctx, auth.page, req.method, req.params);
  }
  if (segments.length === 1 && req.method === "GET") return getNode(ctx, req, auth, first);
  throw graphErrors.unknownPath(segments.slice(1).join("/") || first);
}

const AD_ACCOUNT = /^act_(\d+)$/;

/** Marketing Messages: act_<id>/message_campaign, act_<id>/messages, campaign nodes, the token list, unsubscribe. */
function routeMarketing(ctx: GraphContext, req: GraphRequest, segments: string[], auth: Auth): GraphResponse | null {
  const [first, second, third] = segments;
  const account = AD_ACCOUNT.exec(first ?? "");
  const isTokens = segments.length === 2 && second === "notification_message_tokens";
  const isUnsubscribe = segments.length === 3 && second === "messaging_customer_base" && third === "unsubscribe";
  const campaign = segments.length === 1 ? ctx.store.campaigns.get(first) : undefined;
  if (!account && !isTokens && !isUnsubscribe && !campaign) return null;
  if (auth.kind !== "page") throw new GraphError(400, 210, "(#210) A page access token is required to request this resource.");
  if (campaign && (req.method === "GET" || req.method === "POST")) return campaignNode(ctx, auth.page, campaign, req.method, req.params);
  if (account && segments.length === 2 && req.method === "POST") {
    if (second === "message_campaign") return createCampaign(ctx, auth.page, auth.appId, account[1], req.params);
    if (second === "messages") return sendMarketingMessage(ctx, auth.page, auth.appId, account[1], req.params);
  }
  if ((isTokens && req.method === "GET") || (isUnsubscribe && req.method === "POST")) {
    if (first !== "me" && first !== auth.page.id) throw graphErrors.unknownObject(first);
    if (isTokens) return listSubscriptionTokens(ctx, auth.page, req.params, ctx.publicUrl?.() || "https://graph.facebook.com");
    return unsubscribe(ctx, auth.page, req.params);
  }
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
    throw graphErrors.missingToken();
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

