/**
 * The control API under /_sandbox/api: manage apps and Pages, configure webhooks and faults, play
 * Messenger users (one at a time or in bulk), inspect Send API calls and webhook deliveries, move the
 * clock, reset. Documented in sandbox/README.md.
 */
import type { SandboxCore } from "../sandbox";
import { isTyping } from "../graph/send-api";
import { effectiveStatus } from "../graph/marketing-messages";
import { newNumericId } from "../ids";
import { appsWithRole, PAGE_INBOX_NAME } from "../graph/thread-control";
import { PLATFORM } from "../state/demo";
import { PAGE_INBOX_APP_ID, type FacebookUser, type SandboxApp, type SandboxPage, type SandboxUser } from "../state/types";
import * as payloads from "../webhooks/payloads";
import { verifyCallback } from "../webhooks/verification";
import { ControlError, ControlRouter } from "./router";
import * as s from "./schemas";

const publicApp = (app: SandboxApp) => ({ ...app });
const publicPage = (page: SandboxPage) => ({ ...page, region: page.region ?? "US", businessCountry: page.businessCountry ?? "US", mMeLink: `https://m.me/${page.username}` });
const publicUser = (user: SandboxUser) => ({ ...user });

function num(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ControlError(400, `query ${name} must be a number`);
  return value;
}
function str(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) ?? undefined;
}
function bool(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : raw === "true" || raw === "1";
}
/** Timestamps in queries may be epoch ms or ISO strings. */
function time(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (!raw) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : Date.parse(raw);
}

export function buildControlRoutes(core: SandboxCore): ControlRouter {
  const router = new ControlRouter();
  const { store, users, bulk, webhooks, sendLog, clock, threadControl, subscriptions } = core;

  const publicFacebookUser = (user: FacebookUser) => ({
    id: user.id,
    name: user.name,
    pages: user.pageIds
      .map((id) => store.pages.get(id))
      .filter((p): p is SandboxPage => !!p)
      .map((p) => ({ id: p.id, name: p.name, username: p.username, appId: p.appId, accessToken: p.accessToken, tasks: user.tasks[p.id] ?? null })),
  });
  const pageOf = (idOrUsername: string) => {
    const page = store.pageByIdOrUsername(idOrUsername);
    if (!page) throw new ControlError(404, `unknown page ${idOrUsername}`);
    return page;
  };
  const appOf = (id: string) => {
    const app = store.apps.get(id);
    if (!app) throw new ControlError(404, `unknown app ${id}`);
    return app;
  };

  const appName = (appId: string) => (appId === PAGE_INBOX_APP_ID ? PAGE_INBOX_NAME : (store.apps.get(appId)?.name ?? appId));
  const routingOf = (page: SandboxPage) => ({
    pageId: page.id,
    routingEnabled: page.routingEnabled,
    primaryAppId: page.appId,
    pageInboxAppId: PAGE_INBOX_APP_ID,
    apps: [
      { appId: page.appId, name: appName(page.appId), role: "primary_receiver", accessToken: page.accessToken, subscribedFields: page.subscribedFields },
      ...page.connectedApps.map((c) => ({ appId: c.appId, name: appName(c.appId), role: "secondary_receiver", accessToken: c.accessToken, subscribedFields: c.subscribedFields })),
      { appId: PAGE_INBOX_APP_ID, name: PAGE_INBOX_NAME, role: "secondary_receiver", accessToken: null, subscribedFields: [] },
    ],
  });
  const ownerOf = (user: SandboxUser) => {
    const appId = threadControl.owner(user);
    const page = pageOf(user.pageId);
    const request = threadControl.inboxRequests.get(user.psid);
    return {
      appId,
      name: appName(appId),
      isPageInbox: appId === PAGE_INBOX_APP_ID,
      isPrimaryApp: appId === page.appId,
      pendingRequest: request ? { ...request, name: appName(request.requestedOwnerAppId) } : null,
    };
  };
  const senderActionsOf = (psid: string) => {
    const state = store.senderActions.get(psid);
    return { typing: isTyping(state, clock.now()), typingSince: state?.typingSince ?? null, seenAt: state?.seenAt ?? null, history: state?.history ?? [] };
  };

  async function configureWebhook(app: SandboxApp, callbackUrl: string | null, verifyToken: string | undefined, verify: boolean) {
    if (callbackUrl && verify) {
      const token = verifyToken ?? app.verifyToken;
      if (!token) throw new ControlError(400, "verifyToken is required with a callbackUrl");
      const result = await verifyCallback(callbackUrl, token, webhooks.options.timeoutMs);
      if (!result.ok) throw new ControlError(422, `The URL couldn't be validated: ${result.detail}`);
    }
    app.callbackUrl = callbackUrl;
    if (verifyToken) app.verifyToken = verifyToken;
    webhooks.enableApp(app);
    return publicApp(app);
  }

  router
    .on("GET", "/health", () => ({ ok: true, now: clock.now(), clockOffsetMs: clock.offset, pages: store.pages.size, users: store.users.size }))
    // ---- apps ----
    .on("GET", "/apps", () => ({ data: [...store.apps.values()].map(publicApp) }))
    .on("POST", "/apps", async ({ body }) => {
      const input = s.createAppSchema.parse(body ?? {});
      const app = store.addApp({ id: input.id, name: input.name, secret: input.secret, verifyToken: input.verifyToken, humanAgentPermission: input.humanAgentPermission });
      if (input.callbackUrl) {
        try {
          await configureWebhook(app, input.callbackUrl, input.verifyToken, input.verify ?? true);
        } catch (error) {
          store.apps.delete(app.id);
          throw error;
        }
      }
      return publicApp(app);
    })
    .on("GET", "/apps/:appId", ({ params }) => publicApp(appOf(params.appId)))
    .on("PUT", "/apps/:appId/webhook", async ({ params, body }) => {
      const input = s.webhookConfigSchema.parse(body ?? {});
      return configureWebhook(appOf(params.appId), input.callbackUrl, input.verifyToken, input.verify ?? true);
    })
    // Meta's Human Agent permission, granted (or not) through App Review.
    .on("PUT", "/apps/:appId/permissions", ({ params, body }) => {
      const app = appOf(params.appId);
      const input = s.appPermissionsSchema.parse(body ?? {});
      if (input.humanAgent !== undefined) app.humanAgentPermission = input.humanAgent;
      if (input.marketingMessages !== undefined) app.marketingMessagesPermission = input.marketingMessages;
      if (input.adsManagement !== undefined) app.adsManagementPermission = input.adsManagement;
      store.touch();
      return publicApp(app);
    })
    .on("POST", "/apps/:appId/enable", ({ params }) => {
      const app = appOf(params.appId);
      webhooks.enableApp(app);
      return publicApp(app);
    })
    // ---- pages ----
    .on("GET", "/pages", () => ({ data: [...store.pages.values()].map(publicPage) }))
    .on("POST", "/pages", ({ body }) => {
      const input = s.createPageSchema.parse(body ?? {});
      const appId = input.appId ?? [...store.apps.keys()][0];
      appOf(appId);
      if (input.id && store.pages.has(input.id)) throw new ControlError(409, `page ${input.id} exists`);
      if (input.username && store.pageByIdOrUsername(input.username)) throw new ControlError(409, `username ${input.username} is taken`);
      return publicPage(store.addPage({ ...input, appId }));
    })
    .on("GET", "/pages/:pageId", ({ params }) => publicPage(pageOf(params.pageId)))
    // What the App Dashboard's Webhooks product does in one go (the sandbox page's form): verify and save the
    // app's callback (one per app, as on Meta: every Page of the app delivers there), then the Page's fields.
    .on("PUT", "/pages/:pageId/subscription", async ({ params, body }) => {
      const input = s.pageSubscriptionSchema.parse(body ?? {});
      const page = pageOf(params.pageId);
      const app = await configureWebhook(appOf(page.appId), input.callbackUrl, input.verifyToken, true);
      if (input.subscribedFields) {
        page.subscribedFields = [...new Set(input.subscribedFields)];
        store.touch();
      }
      return { app, page: publicPage(page) };
    })
    .on("PUT", "/pages/:pageId/faults", ({ params, body }) => {
      const page = pageOf(params.pageId);
      page.faults = { ...page.faults, ...s.faultsSchema.parse(body ?? {}) };
      store.touch();
      return page.faults;
    })
    .on("POST", "/pages/:pageId/token/revoke", ({ params }) => {
      const page = pageOf(params.pageId);
      page.tokenRevoked = true;
      store.touch();
      return publicPage(page);
    })
    .on("POST", "/pages/:pageId/token/restore", ({ params }) => {
      const page = pageOf(params.pageId);
      page.tokenRevoked = false;
      store.touch();
      return publicPage(page);
    })
    .on("POST", "/pages/:pageId/token/rotate", ({ params }) => {
      const page = pageOf(params.pageId);
      store.rotatePageToken(page);
      return publicPage(page);
    })
    // A Page token dies as on Meta (password change 460, app removed 458, expiry 463, invalid 467); the next
    // login's /me/accounts mints a fresh one.
    .on("POST", "/pages/:pageId/token-death", ({ params, body }) => {
      const input = s.tokenDeathSchema.parse(body ?? {});
      const page = pageOf(params.pageId);
      if (input.appId !== undefined && store.fieldsOf(page, input.appId) === null) throw new ControlError(404, `app ${input.appId} has no token for page ${page.id}`);
      const killed = store.killPageTokens(page, input.subcode, clock.now(), input.appId);
      return { pageId: page.id, subcode: input.subcode, killed: killed.map((k) => ({ appId: k.appId, accessToken: k.token })) };
    })
    .on("GET", "/pages/:pageId/users", ({ params, query }) => {
      const list = store.usersOfPage(pageOf(params.pageId).id);
      const limit = num(query, "limit") ?? list.length;
      return { total: list.length, data: list.slice(-limit).map(publicUser) };
    })
    .on("POST", "/pages/:pageId/users", ({ params, body }) => {
      const { inWindow, ...input } = s.createUserSchema.parse(body ?? {});
      if (input.psid && store.users.has(input.psid)) throw new ControlError(409, `user ${input.psid} exists`);
      const user = users.createUser(pageOf(params.pageId).id, inWindow ? { ...input, threadStarted: true, lastInboundAt: clock.now() } : input);
      return publicUser(user);
    })
    .on("POST", "/pages/:pageId/users/bulk", ({ params, body }) => {
      const input = s.bulkUsersSchema.parse(body ?? {});
      const created = bulk.createUsers(pageOf(params.pageId).id, input.count, input.namePrefix);
      if (input.inWindow) for (const u of created) Object.assign(u, { threadStarted: true, lastInboundAt: clock.now() });
      return { count: created.length, psids: created.map((u) => u.psid) };
    })
    .on("POST", "/pages/:pageId/bulk/open-link", ({ params, body }) => {
      const input = s.bulkOpenLinkSchema.parse(body ?? {});
      const opened = bulk.openLink(pageOf(params.pageId).id, input);
      return { count: opened.length, opened };
    })
    .on("POST", "/pages/:pageId/bulk/notify-me", async ({ params, body }) => {
      const input = s.bulkNotifyMeSchema.parse(body ?? {});
      return bulk.notifyMe(pageOf(params.pageId).id, input);
    })
    .on("POST", "/pages/:pageId/bulk/open-link-and-notify-me", async ({ params, body }) => {
      const input = s.bulkOpenLinkSchema.parse(body ?? {});
      return bulk.openLinkAndNotifyMe(pageOf(params.pageId).id, input);
    })
    .on("POST", "/pages/:pageId/bulk/otn-tokens", ({ params, body }) => {
      const input = s.bulkOtnTokensSchema.parse(body ?? {});
      const granted = bulk.grantOtnTokens(pageOf(params.pageId).id, input);
      return { count: granted.length, granted };
    })
    .on("POST", "/pages/:pageId/bulk/messages", ({ params, body }) => {
      const input = s.bulkMessagesSchema.parse(body ?? {});
      return { sent: bulk.sendTexts(pageOf(params.pageId).id, input) };
    })
    // ---- one simulated user ----
    // ---- Facebook users (Facebook Login) ----
    .on("GET", "/facebook-users", () => ({ data: [...store.facebookUsers.values()].map(publicFacebookUser) }))
    .on("GET", "/facebook-users/:userId", ({ params }) => {
      const user = store.facebookUsers.get(params.userId);
      if (!user) throw new ControlError(404, `unknown Facebook user ${params.userId}`);
      return publicFacebookUser(user);
    })
    .on("POST", "/facebook-users", ({ body }) => {
      const input = s.facebookUserSchema.parse(body ?? {});
      if (input.id && store.facebookUsers.has(input.id)) throw new ControlError(409, `Facebook user ${input.id} exists`);
      for (const id of input.pageIds ?? []) pageOf(id);
      for (const p of input.pages ?? []) {
        appOf(p.appId ?? PLATFORM.appId);
        if (p.id && store.pages.has(p.id)) throw new ControlError(409, `page ${p.id} exists`);
        if (p.username && store.pageByIdOrUsername(p.username)) throw new ControlError(409, `username ${p.username} is taken`);
      }
      const tasks: Record<string, string[]> = {};
      // New Pages are not subscribed to anything yet: the app subscribes them after login.
      const created = (input.pages ?? []).map((p) => {
        const page = store.addPage({ id: p.id, name: p.name, username: p.username, appId: p.appId ?? PLATFORM.appId, subscribedFields: [], routingEnabled: true });
        if (p.tasks) tasks[page.id] = p.tasks;
        return page.id;
      });
      return publicFacebookUser(store.addFacebookUser({ id: input.id, name: input.name, pageIds: [...(input.pageIds ?? []), ...created], tasks }));
    })
    .on("GET", "/users/:psid", ({ params }) => publicUser(users.user(params.psid)))
    .on("GET", "/users/:psid/thread", ({ params, query }) => {
      const user = users.user(params.psid);
      const after = num(query, "after") ?? -1;
      const thread = store.thread(user.psid).filter((m) => m.timestamp > after);
      return { user: publicUser(user), page: publicPage(pageOf(user.pageId)), data: thread, owner: ownerOf(user), senderActions: senderActionsOf(user.psid) };
    })
    .on("POST", "/users/:psid/open-link", ({ params, body }) => {
      const input = s.openLinkSchema.parse(body ?? {});
      return { outcome: users.openLink(params.psid, input.ref, { getStarted: input.getStarted }) };
    })
    .on("POST", "/users/:psid/get-started", ({ params, body }) => users.getStarted(params.psid, s.openLinkSchema.parse(body ?? {}).ref))
    .on("POST", "/users/:psid/messages", ({ params, body }) => {
      const input = s.sendMessageSchema.parse(body ?? {});
      if (input.attachment) return users.sendAttachment(params.psid, input.attachment.type, input.attachment.url);
      return users.sendText(params.psid, input.text!, input.quickReplyPayload);
    })
    .on("GET", "/users/:psid/menu", ({ params }) => users.menuOf(params.psid))
    .on("POST", "/users/:psid/menu", ({ params, body }) => users.tapMenuItem(params.psid, s.menuTapSchema.parse(body ?? {})))
    .on("POST", "/users/:psid/quick-reply", ({ params, body }) => users.tapQuickReply(params.psid, s.quickReplySchema.parse(body ?? {})))
    .on("POST", "/users/:psid/postback", ({ params, body }) => users.postback(params.psid, s.postbackSchema.parse(body ?? {})))
    .on("POST", "/users/:psid/notify-me", ({ params, body }) => users.tapNotifyMe(params.psid, s.midSchema.parse(body ?? {}).mid))
    .on("POST", "/users/:psid/notification-optin", ({ params, body }) => {
      const input = s.midSchema.parse(body ?? {});
      return users.optInNotifications(params.psid, input.mid, input.timezone);
    })
    .on("POST", "/users/:psid/delivered", ({ params }) => users.deliver(params.psid) ?? { mids: [], watermark: null })
    .on("POST", "/users/:psid/read", ({ params }) => users.read(params.psid) ?? { watermark: null })
    .on("POST", "/users/:psid/react", ({ params, body }) => {
      const input = s.reactSchema.parse(body ?? {});
      users.react(params.psid, input.mid, input.reaction, input.emoji, input.action);
      return { ok: true };
    })
    .on("POST", "/users/:psid/block", ({ params, body }) => publicUser(users.setBlocked(params.psid, s.blockSchema.parse(body ?? {}).blocked ?? true)))
    // ---- Conversation Routing: app roles, thread owners, the Page Inbox ----
    .on("GET", "/pages/:pageId/messenger-profile", ({ params }) => pageOf(params.pageId).messengerProfile ?? {})
    .on("GET", "/pages/:pageId/routing", ({ params }) => routingOf(pageOf(params.pageId)))
    .on("PUT", "/pages/:pageId/routing", ({ params, body }) => {
      const page = pageOf(params.pageId);
      page.routingEnabled = s.routingSchema.parse(body ?? {}).routingEnabled;
      store.touch();
      return routingOf(page);
    })
    .on("POST", "/pages/:pageId/apps", ({ params, body }) => {
      const page = pageOf(params.pageId);
      const input = s.connectAppSchema.parse(body ?? {});
      appOf(input.appId);
      if (input.appId === page.appId || input.appId === PAGE_INBOX_APP_ID) throw new ControlError(409, `app ${input.appId} already has a role on the Page`);
      store.connectApp(page, input.appId, input);
      // Meta tells the app its new role on the Page.
      webhooks.emit(payloads.appRoles(page.id, clock.now(), input.appId, ["secondary_receiver"]));
      return routingOf(page);
    })
    .on("GET", "/users/:psid/thread-owner", ({ params }) => ownerOf(users.user(params.psid)))
    .on("POST", "/users/:psid/inbox/take", ({ params, body }) => {
      const user = users.user(params.psid);
      threadControl.take(pageOf(user.pageId), user, PAGE_INBOX_APP_ID, s.inboxActionSchema.parse(body ?? {}).metadata);
      return ownerOf(user);
    })
    .on("POST", "/users/:psid/inbox/pass", ({ params, body }) => {
      const user = users.user(params.psid);
      const page = pageOf(user.pageId);
      const input = s.inboxActionSchema.parse(body ?? {});
      if (threadControl.owner(user) !== PAGE_INBOX_APP_ID) throw new ControlError(409, "the Page Inbox does not own this thread");
      const target = input.targetAppId ?? page.appId;
      if (target === PAGE_INBOX_APP_ID || !appsWithRole(page).includes(target)) throw new ControlError(400, `app ${target} has no role on the Page`);
      threadControl.pass(page, user, PAGE_INBOX_APP_ID, target, input.metadata);
      return ownerOf(user);
    })
    .on("POST", "/users/:psid/inbox/request", ({ params, body }) => {
      const user = users.user(params.psid);
      if (threadControl.owner(user) === PAGE_INBOX_APP_ID) throw new ControlError(409, "the Page Inbox already owns this thread");
      threadControl.request(pageOf(user.pageId), user, PAGE_INBOX_APP_ID, s.inboxActionSchema.parse(body ?? {}).metadata);
      return ownerOf(user);
    })
    .on("GET", "/users/:psid/sender-actions", ({ params }) => senderActionsOf(users.user(params.psid).psid))
    // ---- people who read and reply ----
    .on("POST", "/users/:psid/read-and-reply", ({ params, body }) => users.readAndReply(params.psid, s.readAndReplySchema.parse(body ?? {})))
    .on("GET", "/users/:psid/auto", ({ params }) => ({ psid: users.user(params.psid).psid, auto: users.auto.get(params.psid) ?? null }))
    .on("PUT", "/users/:psid/auto", ({ params, body }) => {
      const { enabled, ...settings } = s.autoReplySchema.parse(body ?? {});
      return { psid: params.psid, auto: users.setAuto(params.psid, enabled === false ? null : settings) };
    })
    .on("PUT", "/pages/:pageId/users/auto", ({ params, body }) => {
      const { psids, enabled, ...settings } = s.bulkAutoReplySchema.parse(body ?? {});
      const page = pageOf(params.pageId);
      const targets = psids ?? store.usersOfPage(page.id).map((u) => u.psid);
      for (const psid of targets) {
        if (users.user(psid).pageId !== page.id) throw new ControlError(400, `user ${psid} is not a person of this Page`);
        users.setAuto(psid, enabled === false ? null : settings);
      }
      return { count: targets.length, enabled: enabled !== false };
    })
    // ---- webhook delivery behaviour ----
    .on("GET", "/webhook-options", () => ({ ...webhooks.options, autoDeliveryReceipts: core.autoReceipts.delivery, autoReadReceipts: core.autoReceipts.read }))
    .on("PUT", "/webhook-options", ({ body }) => {
      const { autoDeliveryReceipts, autoReadReceipts, ...options } = s.webhookOptionsSchema.parse(body ?? {});
      Object.assign(webhooks.options, options);
      if (autoDeliveryReceipts !== undefined) core.autoReceipts.delivery = autoDeliveryReceipts;
      if (autoReadReceipts !== undefined) core.autoReceipts.read = autoReadReceipts;
      return { ...webhooks.options, autoDeliveryReceipts: core.autoReceipts.delivery, autoReadReceipts: core.autoReceipts.read };
    })
    // ---- recurring notifications and Marketing Messages ----
    .on("PUT", "/pages/:pageId/region", ({ params, body }) => {
      const page = pageOf(params.pageId);
      const input = s.pageRegionSchema.parse(body ?? {});
      if (input.region) page.region = input.region;
      if (input.businessCountry) page.businessCountry = input.businessCountry.toUpperCase();
      store.touch();
      return { pageId: page.id, region: page.region ?? "US", businessCountry: page.businessCountry ?? "US" };
    })
    .on("POST", "/pages/:pageId/admin-user", ({ params }) => publicUser(subscriptions.adminOf(params.pageId)))
    .on("GET", "/pages/:pageId/topics", ({ params }) => ({ data: subscriptions.topicsOf(params.pageId) }))
    .on("GET", "/pages/:pageId/notification-tokens", ({ params, query }) => {
      const page = pageOf(params.pageId);
      const psid = str(query, "psid");
      const list = psid ? store.notificationTokensOf(psid).filter((t) => t.pageId === page.id) : store.notificationTokensOfPage(page.id);
      const limit = num(query, "limit") ?? 1000;
      return { total: list.length, data: list.slice(0, limit) };
    })
    .on("POST", "/pages/:pageId/bulk/subscription-tokens", ({ params, body }) => {
      const { includeTokens, ...input } = s.bulkSubscriptionTokensSchema.parse(body ?? {});
      const granted = subscriptions.grantBulk(params.pageId, input);
      return includeTokens === false ? { count: granted.length } : { count: granted.length, granted };
    })
    .on("POST", "/users/:psid/rn-link", ({ params, body }) => subscriptions.openRecurringLink(params.psid, s.recurringLinkSchema.parse(body ?? {})))
    .on("POST", "/users/:psid/notifications/stop", ({ params, body }) => subscriptions.setStopped(params.psid, s.tokenSelectorSchema.parse(body ?? {}), true))
    .on("POST", "/users/:psid/notifications/resume", ({ params, body }) => subscriptions.setStopped(params.psid, s.tokenSelectorSchema.parse(body ?? {}), false))
    .on("POST", "/users/:psid/notifications/reoptin", ({ params, body }) => {
      const input = s.reoptinSchema.parse(body ?? {});
      return subscriptions.reoptIn(params.psid, input.token, input.accept ?? true);
    })
    .on("GET", "/ad-accounts", () => ({ data: [...store.adAccounts.values()] }))
    .on("POST", "/ad-accounts", ({ body }) => {
      const input = s.adAccountSchema.parse(body ?? {});
      const id = input.id ?? newNumericId("6");
      if (store.adAccounts.has(id)) throw new ControlError(409, `ad account ${id} exists`);
      const account = { id, name: input.name ?? `Ad account ${id.slice(-4)}`, hasPaymentMethod: input.hasPaymentMethod ?? true, currency: input.currency ?? "USD" };
      store.adAccounts.set(id, account);
      store.touch();
      return account;
    })
    .on("PUT", "/ad-accounts/:accountId", ({ params, body }) => {
      const account = store.adAccounts.get(params.accountId.replace(/^act_/, ""));
      if (!account) throw new ControlError(404, `unknown ad account ${params.accountId}`);
      Object.assign(account, s.adAccountUpdateSchema.parse(body ?? {}));
      store.touch();
      return account;
    })
    .on("GET", "/campaigns", ({ query }) => {
      const pageId = str(query, "pageId");
      const data = [...store.campaigns.values()]
        .filter((c) => pageId === undefined || c.pageId === pageId)
        .map((c) => ({ ...c, effectiveStatus: effectiveStatus(c, clock.now()), delivered: store.campaignDeliveries.get(c.id)?.size ?? 0 }));
      return { data };
    })
    // ---- inspection ----
    .on("GET", "/send-calls", ({ query }) => {
      const { total, records } = sendLog.query(sendQuery(query));
      return { total, data: records };
    })
    .on("GET", "/send-calls/count", ({ query }) => sendLog.count(sendQuery(query)))
    .on("GET", "/otn-tokens/summary", ({ query }) => {
      const pageId = str(query, "pageId");
      const payload = str(query, "payload");
      const tokens = [...store.otnTokens.values()].filter((t) => (pageId === undefined || t.pageId === pageId) && (payload === undefined || t.payload === payload));
      return sendLog.tokenSummary(tokens.map((t) => t.token));
    })
    .on("GET", "/webhook-events", ({ query }) => {
      const { total, records } = webhooks.listEvents({
        appId: str(query, "appId"),
        pageId: str(query, "pageId"),
        psid: str(query, "psid"),
        field: str(query, "field"),
        status: str(query, "status"),
        since: time(query, "since"),
        afterSeq: num(query, "afterSeq"),
        limit: num(query, "limit"),
      });
      return { total, data: records };
    })
    .on("GET", "/webhook-deliveries", ({ query }) => {
      const { total, records } = webhooks.listDeliveries({
        appId: str(query, "appId"),
        status: str(query, "status"),
        since: time(query, "since"),
        limit: num(query, "limit"),
      });
      const withBody = bool(query, "includeBody") ?? false;
      return { total, data: records.map((d) => (withBody ? d : { ...d, rawBody: undefined })) };
    })
    .on("DELETE", "/records", () => {
      sendLog.clear();
      webhooks.clearRecords();
      return { ok: true };
    })
    // ---- time and reset ----
    .on("GET", "/clock", () => ({ now: clock.now(), offsetMs: clock.offset }))
    .on("POST", "/clock", ({ body }) => {
      clock.advance(s.clockSchema.parse(body ?? {}).advanceMs);
      return { now: clock.now(), offsetMs: clock.offset };
    })
    .on("POST", "/clock/reset", () => {
      clock.reset();
      return { now: clock.now(), offsetMs: clock.offset };
    })
    .on("POST", "/reset", () => {
      core.reset();
      return { ok: true };
    });
  return router;
}

function sendQuery(query: URLSearchParams) {
  return {
    pageId: str(query, "pageId"),
    psid: str(query, "psid") ?? str(query, "recipient"),
    token: str(query, "token"),
    since: time(query, "since"),
    until: time(query, "until"),
    ok: bool(query, "ok"),
    errorCode: num(query, "errorCode"),
    kind: str(query, "kind"),
    tokenKind: str(query, "tokenKind") as "one_time_notif" | "notification_messages" | "subscription" | undefined,
    campaignId: str(query, "campaignId"),
    limit: num(query, "limit"),
    offset: num(query, "offset"),
  };
}
