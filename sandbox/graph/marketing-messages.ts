/**
 * The Marketing Messages API for Messenger: campaigns (POST act_<id>/message_campaign, GET/POST /{campaign-id}),
 * sends (POST act_<id>/messages with messenger_delivery_data.subscription_token), the subscription-token list
 * (GET /{page-id}/notification_message_tokens, cursor paging, do_not_return_duplicates) and the Page-level
 * unsubscribe (POST /{page-id}/messaging_customer_base/unsubscribe). The app needs paid_marketing_messages (or
 * marketing_messages_messenger) and ads_management; the ad account a payment method; the business and its
 * audience must be in Meta's regions (regions.ts). A token gets at most one message per campaign.
 */
import { DAY_MS } from "../clock";
import { newMessageId, newNumericId } from "../ids";
import type { MessageCampaign, SandboxPage } from "../state/types";
import type { GraphContext } from "./context";
import { GraphError, graphErrors } from "./graph-error";
import { jsonParam } from "./json-param";
import { validateMessage } from "./message-validation";
import { isTokenActive, nextEligibleAt } from "./recurring";
import { assertMarketingAvailable } from "./regions";

type Params = Record<string, unknown>;
interface Response {
  status: number;
  body: unknown;
}

const DEFAULT_TOKEN_PAGE = 100;
const MAX_TOKEN_PAGE = 1000;
/** Lifetime-budget campaigns without end_time end 30 days after their start (Meta's changelog, June 2026). */
const LIFETIME_DEFAULT_MS = 30 * DAY_MS;
const CAMPAIGN_FIELDS = new Set(["id", "name", "status", "effective_status", "daily_budget", "lifetime_budget", "start_time", "end_time", "page_id"]);

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : null);

function assertApp(ctx: GraphContext, appId: string): void {
  const app = ctx.store.apps.get(appId);
  if (!app?.marketingMessagesPermission) throw graphErrors.missingPermission("paid_marketing_messages");
  if (!app.adsManagementPermission) throw graphErrors.missingPermission("ads_management");
}

function adAccountOf(ctx: GraphContext, id: string) {
  const account = ctx.store.adAccounts.get(id);
  if (!account) throw graphErrors.unknownObject(`act_${id}`);
  return account;
}

/** Epoch ms from a Graph time parameter: unix seconds or an ISO string. */
function timeParam(value: unknown, name: string): number | null {
  if (value === undefined || value === null || value === "") return null;
  const n = Number(value);
  if (Number.isFinite(n)) return n * 1000;
  const parsed = typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(parsed)) throw graphErrors.invalidParameter(`Param ${name} must be a unix timestamp or an ISO 8601 time`);
  return parsed;
}

function budgetParam(value: unknown, name: string): number | null {
  if (value === undefined || value === null || value === "") return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw graphErrors.invalidParameter(`Param ${name} must be a positive integer (cents)`);
  return n;
}

export function isCampaignActive(campaign: MessageCampaign, now: number): boolean {
  return campaign.status === "ACTIVE" && now >= campaign.startTime && (campaign.endTime === null || now < campaign.endTime);
}

export function effectiveStatus(campaign: MessageCampaign, now: number): string {
  if (campaign.status === "PAUSED") return "PAUSED";
  if (now < campaign.startTime) return "SCHEDULED";
  if (campaign.endTime !== null && now >= campaign.endTime) return "COMPLETED";
  return "ACTIVE";
}

/** POST act_<id>/message_campaign → { id }. */
export function createCampaign(ctx: GraphContext, page: SandboxPage, appId: string, adAccountId: string, params: Params): Response {
  const now = ctx.clock.now();
  assertApp(ctx, appId);
  const account = adAccountOf(ctx, adAccountId);
  const name = str(params.name);
  if (!name) throw graphErrors.invalidParameter("The parameter name is required");
  const pageId = str(params.page_id);
  if (!pageId) throw graphErrors.invalidParameter("The parameter page_id is required");
  if (pageId !== page.id) throw graphErrors.invalidParameter("Param page_id must be the Page of the access token");
  const dailyBudget = budgetParam(params.daily_budget, "daily_budget");
  const lifetimeBudget = budgetParam(params.lifetime_budget, "lifetime_budget");
  if (dailyBudget !== null && lifetimeBudget !== null) throw graphErrors.invalidParameter("Only one of daily_budget and lifetime_budget can be set");
  const status = params.status === undefined ? "ACTIVE" : params.status;
  if (status !== "ACTIVE" && status !== "PAUSED") throw graphErrors.invalidParameter("Param status must be one of {ACTIVE, PAUSED}");
  const startTime = timeParam(params.start_time, "start_time") ?? now;
  let endTime = timeParam(params.end_time, "end_time");
  if (endTime !== null && endTime <= startTime) throw graphErrors.invalidParameter("Param end_time must be after start_time");
  if (endTime === null && lifetimeBudget !== null) endTime = startTime + LIFETIME_DEFAULT_MS;
  if (!account.hasPaymentMethod) throw new GraphError(400, 100, `(#100) The ad account act_${account.id} has no valid payment method.`);
  assertMarketingAvailable(page);
  const campaign: MessageCampaign = { id: newNumericId("7"), adAccountId: account.id, pageId: page.id, name, status, dailyBudget, lifetimeBudget, startTime, endTime, createdAt: now };
  ctx.store.campaigns.set(campaign.id, campaign);
  ctx.store.touch();
  return { status: 200, body: { id: campaign.id } };
}

const isoTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");

/** GET /{campaign-id}?fields= and POST /{campaign-id} { status }. */
export function campaignNode(ctx: GraphContext, page: SandboxPage, campaign: MessageCampaign, method: string, params: Params): Response {
  if (campaign.pageId !== page.id) throw graphErrors.unknownObject(campaign.id);
  if (method === "POST") {
    if (params.status !== "ACTIVE" && params.status !== "PAUSED") throw graphErrors.invalidParameter("Param status must be one of {ACTIVE, PAUSED}");
    campaign.status = params.status;
    ctx.store.touch();
    return { status: 200, body: { success: true } };
  }
  const fields = typeof params.fields === "string" && params.fields.trim() ? params.fields.split(",").map((f) => f.trim()) : ["id", "name", "status"];
  for (const f of fields) if (!CAMPAIGN_FIELDS.has(f)) throw graphErrors.invalidParameter(`Tried accessing nonexisting field (${f}) on node type (MessageCampaign)`);
  const all: Record<string, unknown> = {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    effective_status: effectiveStatus(campaign, ctx.clock.now()),
    daily_budget: campaign.dailyBudget === null ? undefined : String(campaign.dailyBudget),
    lifetime_budget: campaign.lifetimeBudget === null ? undefined : String(campaign.lifetimeBudget),
    start_time: isoTime(campaign.startTime),
    end_time: campaign.endTime === null ? undefined : isoTime(campaign.endTime),
    page_id: campaign.pageId,
  };
  return { status: 200, body: Object.fromEntries(fields.filter((f) => all[f] !== undefined).map((f) => [f, all[f]])) };
}

/** When the Page and the person last talked outside Marketing Messages (their messages, the Page's replies). */
function lastOrganicActivity(ctx: GraphContext, psid: string): number | null {
  const thread = ctx.store.thread(psid);
  for (let i = thread.length - 1; i >= 0; i--) {
    const m = thread[i];
    if (m.campaignId === undefined && (m.message !== undefined || m.direction === "in")) return m.timestamp;
  }
  return null;
}

/** POST act_<id>/messages: one marketing message to one subscription token, recorded in the send log. */
export function sendMarketingMessage(ctx: GraphContext, page: SandboxPage, appId: string, adAccountId: string, params: Params): Response {
  const now = ctx.clock.now();
  const delivery = jsonParam(params.messenger_delivery_data) as Record<string, unknown> | undefined;
  const token = typeof delivery === "object" && delivery !== null ? str(delivery.subscription_token) : null;
  const campaignId = str(params.message_campaign_id ?? params.campaign_id);
  const message = jsonParam(params.message);
  let psid: string | null = null;
  let kind = "marketing_message";
  const log = (status: number, body: unknown, error?: GraphError, messageId: string | null = null): Response => {
    ctx.sendLog.append({
      at: now,
      pageId: page.id,
      psid,
      token,
      tokenKind: "subscription",
      campaignId,
      recipient: delivery ?? null,
      messagingType: null,
      tag: null,
      kind,
      message,
      ok: status === 200,
      httpStatus: status,
      messageId,
      error: error ? { code: error.code, subcode: error.subcode, message: error.message } : null,
    });
    return { status, body };
  };
  try {
    assertApp(ctx, appId);
    adAccountOf(ctx, adAccountId);
    if (!campaignId) throw graphErrors.invalidParameter("The parameter message_campaign_id is required");
    if (!token) throw graphErrors.invalidParameter("The parameter messenger_delivery_data[subscription_token] is required");
    kind = `marketing_message:${validateMessage(message)}`;
    const campaign = ctx.store.campaigns.get(campaignId);
    if (!campaign || campaign.adAccountId !== adAccountId) throw graphErrors.unknownObject(campaignId);
    if (campaign.pageId !== page.id) throw graphErrors.invalidParameter("The campaign belongs to another Page");
    if (!isCampaignActive(campaign, now)) throw graphErrors.campaignInactive();
    assertMarketingAvailable(page);
    const subscription = ctx.store.notificationTokens.get(token);
    if (!subscription || now > subscription.expiresAt) throw graphErrors.subscriptionTokenInvalid();
    if (subscription.pageId !== campaign.pageId) throw graphErrors.subscriptionPageMismatch();
    psid = subscription.psid;
    if (subscription.stopped) throw graphErrors.subscriptionTokenInvalid(" (The person unsubscribed from this Page's marketing messages.)");
    const user = ctx.store.users.get(subscription.psid);
    if (!user) throw graphErrors.subscriptionTokenInvalid();
    if (user.blocked) throw graphErrors.userUnavailable();
    const delivered = ctx.store.campaignDeliveriesOf(campaign.id);
    if (delivered.has(token)) throw graphErrors.invalidParameter("This subscription token already received a message in this campaign");
    const gapSeconds = Number(params.min_conversation_gap_seconds ?? 0);
    if (!Number.isFinite(gapSeconds) || gapSeconds < 0) throw graphErrors.invalidParameter("Param min_conversation_gap_seconds must be a non-negative integer");
    const last = gapSeconds > 0 ? lastOrganicActivity(ctx, user.psid) : null;
    if (last !== null && now - last < gapSeconds * 1000) throw graphErrors.conversationGap();
    const mid = newMessageId();
    ctx.store.thread(user.psid).push({ mid, direction: "out", timestamp: now, message: message as Record<string, unknown>, campaignId: campaign.id });
    delivered.add(token);
    ctx.store.touch();
    ctx.onPageMessage?.(page, user, mid);
    return log(200, { id: mid }, undefined, mid);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    return log(error.httpStatus, error.toBody(), error);
  }
}

const encodeCursor = (index: number) => Buffer.from(`nmt:${index}`).toString("base64url");
function decodeCursor(cursor: string): number {
  const m = /^nmt:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw graphErrors.invalidParameter("Invalid cursor: after");
  return Number(m[1]);
}

/** GET /{page-id}/notification_message_tokens: the Page's active subscription tokens, oldest first. */
export function listSubscriptionTokens(ctx: GraphContext, page: SandboxPage, params: Params, baseUrl: string): Response {
  const now = ctx.clock.now();
  const requested = params.limit === undefined ? DEFAULT_TOKEN_PAGE : Number(params.limit);
  if (!Number.isInteger(requested) || requested < 1) throw graphErrors.invalidParameter("Param limit must be a positive integer");
  const limit = Math.min(requested, MAX_TOKEN_PAGE);
  const dedupe = params.do_not_return_duplicates === true || params.do_not_return_duplicates === "true";
  const start = typeof params.after === "string" && params.after ? decodeCursor(params.after) : 0;
  const all = ctx.store.notificationTokensOfPage(page.id);
  const data: Record<string, unknown>[] = [];
  let i = start;
  for (; i < all.length && data.length < limit; i++) {
    const t = all[i];
    if (!isTokenActive(t, now)) continue;
    // Without duplicates: only each person's newest active token on the Page.
    if (dedupe && newestActiveToken(ctx, page.id, t.psid, now) !== t) continue;
    data.push({
      notification_messages_token: t.token,
      recipient_id: t.psid,
      notification_messages_reoptin: t.reoptin ?? "ENABLED",
      creation_timestamp: t.createdAt,
      token_expiry_timestamp: t.expiresAt,
      user_token_status: t.userTokenStatus ?? "NOT_REFRESHED",
      topic_title: t.title,
      notification_messages_timezone: t.timezone ?? "UTC",
      next_eligible_time: Math.max(now, nextEligibleAt(t) ?? now),
    });
  }
  const body: Record<string, unknown> = { data };
  let more = false;
  for (let j = i; j < all.length && !more; j++) more = isTokenActive(all[j], now);
  if (data.length) {
    const cursors: Record<string, string> = { before: encodeCursor(start), after: encodeCursor(i) };
    const paging: Record<string, unknown> = { cursors };
    if (more) {
      const next = new URL(`${baseUrl}/v21.0/${page.id}/notification_message_tokens`);
      next.searchParams.set("limit", String(limit));
      if (dedupe) next.searchParams.set("do_not_return_duplicates", "true");
      next.searchParams.set("after", cursors.after);
      paging.next = next.toString();
    }
    body.paging = paging;
  }
  return { status: 200, body };
}

function newestActiveToken(ctx: GraphContext, pageId: string, psid: string, now: number) {
  const tokens = ctx.store.notificationTokensOf(psid);
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i].pageId === pageId && isTokenActive(tokens[i], now)) return tokens[i];
  return undefined;
}

function listParam(value: unknown): string[] {
  const parsed = jsonParam(value);
  if (Array.isArray(parsed)) return parsed.map(String);
  if (typeof parsed === "string" || typeof parsed === "number") return String(parsed).split(",").map((s) => s.trim()).filter(Boolean);
  return [];
}

/**
 * POST /{page-id}/messaging_customer_base/unsubscribe: the business unsubscribes people from the Page's
 * marketing messages, by PSID or subscription token (phone and email matching are not simulated).
 */
export function unsubscribe(ctx: GraphContext, page: SandboxPage, params: Params): Response {
  if (params.phones !== undefined || params.emails !== undefined) throw graphErrors.invalidParameter("The sandbox matches people by psids or subscription_tokens only");
  const psids = new Set([...listParam(params.psids), ...listParam(params.psid)]);
  for (const value of [...listParam(params.subscription_tokens), ...listParam(params.subscription_token)]) {
    const t = ctx.store.notificationTokens.get(value);
    if (!t || t.pageId !== page.id) throw graphErrors.subscriptionTokenInvalid();
    psids.add(t.psid);
  }
  if (psids.size === 0) throw graphErrors.invalidParameter("One of psids or subscription_tokens is required");
  let unsubscribed = 0;
  for (const psid of psids) {
    for (const t of ctx.store.notificationTokensOf(psid)) {
      if (t.pageId === page.id && !t.stopped) {
        t.stopped = true;
        unsubscribed++;
      }
    }
  }
  ctx.store.touch();
  return { status: 200, body: { success: true, unsubscribed_tokens: unsubscribed } };
}
