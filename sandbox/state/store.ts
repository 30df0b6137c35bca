/**
 * In-memory store of everything the sandbox knows, with the indexes the hot paths need
 * (token -> Page, PSID -> user, OTN token -> token record). Mutations call `touch()` so the
 * persistence layer can save on a debounce instead of on every call.
 */
import { DAY_MS } from "../clock";
import { newAccessToken, newNumericId } from "../ids";
import {
  PAGE_INBOX_APP_ID,
  type ConnectedApp,
  type NotificationMessagesToken,
  type OneTimeNotifToken,
  type PageFaults,
  type SandboxApp,
  type SandboxPage,
  type SandboxUser,
  type SavedAttachment,
  type SenderActionState,
  type ThreadMessage,
  type UserAccessToken,
  type WebhookField,
  type AuthCode,
  type DeadToken,
  type FacebookUser,
  type PageTokenGrant,
  type AdAccount,
  type MessageCampaign,
  type NotificationTopic,
} from "./types";

export const DEFAULT_SUBSCRIBED_FIELDS: WebhookField[] = [
  "messages",
  "messaging_postbacks",
  "messaging_optins",
  "messaging_referrals",
  "message_deliveries",
  "message_reads",
  "message_reactions",
  "messaging_handovers",
  "standby",
];

export function defaultFaults(rateLimitPerSecond = 0): PageFaults {
  return { rateLimitPerSecond, temporaryErrorRate: 0, temporaryErrorCodes: [1, 2, -1, 1200], latency: { kind: "none" } };
}

/** Serialisable snapshot (what the JSON state file holds). */
export interface StoreSnapshot {
  version: 1;
  apps: SandboxApp[];
  pages: SandboxPage[];
  users: SandboxUser[];
  threads: Record<string, ThreadMessage[]>;
  otnTokens: OneTimeNotifToken[];
  notificationTokens: NotificationMessagesToken[];
  userTokens: UserAccessToken[];
  /** PSID -> app owning the thread, when not the Page's default app. */
  threadOwners?: Record<string, string>;
  attachments?: SavedAttachment[];
  /** Facebook Login: simulated Facebook users, dialog codes, killed Page tokens, who got which Page token. */
  facebookUsers?: FacebookUser[];
  authCodes?: AuthCode[];
  deadTokens?: DeadToken[];
  pageTokenGrants?: PageTokenGrant[];
  /** Recurring notifications and Marketing Messages. */
  notificationTopics?: NotificationTopic[];
  adAccounts?: AdAccount[];
  campaigns?: MessageCampaign[];
  /** Campaign id -> subscription tokens already messaged in it. */
  campaignDeliveries?: Record<string, string[]>;
}

/** Who a Page token speaks for: the Page, through one of its apps. */
export interface PageTokenOwner {
  page: SandboxPage;
  appId: string;
}

export class SandboxStore {
  readonly apps = new Map<string, SandboxApp>();
  readonly pages = new Map<string, SandboxPage>();
  readonly users = new Map<string, SandboxUser>();
  /** Thread per user, keyed by PSID (PSIDs are unique across Pages in the sandbox). */
  readonly threads = new Map<string, ThreadMessage[]>();
  readonly otnTokens = new Map<string, OneTimeNotifToken>();
  readonly notificationTokens = new Map<string, NotificationMessagesToken>();
  readonly userTokens = new Map<string, UserAccessToken>();
  /** Thread owner per PSID when it is not the Page's default app (Conversation Routing). */
  readonly threadOwners = new Map<string, string>();
  readonly senderActions = new Map<string, SenderActionState>();
  readonly attachments = new Map<string, SavedAttachment>();
  readonly facebookUsers = new Map<string, FacebookUser>();
  readonly authCodes = new Map<string, AuthCode>();
  readonly deadTokens = new Map<string, DeadToken>();
  readonly pageTokenGrants = new Map<string, PageTokenGrant>();
  /** Registered recurring-notification topics, keyed by topicKey(pageId, title). */
  readonly notificationTopics = new Map<string, NotificationTopic>();
  readonly adAccounts = new Map<string, AdAccount>();
  readonly campaigns = new Map<string, MessageCampaign>();
  /** Campaign id -> subscription tokens already messaged in it (each at most once). */
  readonly campaignDeliveries = new Map<string, Set<string>>();
  /** notification_messages tokens per Page in creation order (cursor paging) and per person. */
  private readonly tokensByPage = new Map<string, NotificationMessagesToken[]>();
  private readonly tokensByPsid = new Map<string, NotificationMessagesToken[]>();
  /** Bytes of uploaded files, served at /_sandbox/media/attachments/<id> (not persisted). */
  readonly attachmentFiles = new Map<string, Buffer>();
  private readonly pagesByToken = new Map<string, SandboxPage>();
  private readonly secondaryTokens = new Map<string, PageTokenOwner>();
  private readonly pagesByUsername = new Map<string, SandboxPage>();
  private readonly usersByPage = new Map<string, SandboxUser[]>();
  private listeners: Array<() => void> = [];

  constructor(readonly defaultRateLimitPerSecond = 0) {}

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  touch(): void {
    for (const listener of this.listeners) listener();
  }

  // ---- apps ----
  addApp(input: Partial<SandboxApp> & { name?: string }): SandboxApp {
    const app: SandboxApp = {
      id: input.id ?? newNumericId("2"),
      secret: input.secret ?? newAccessToken().slice(3, 35),
      name: input.name ?? "Sandbox App",
      callbackUrl: input.callbackUrl ?? null,
      verifyToken: input.verifyToken ?? null,
      subscriptionActive: input.subscriptionActive ?? true,
      disabledAt: input.disabledAt ?? null,
      failingSince: input.failingSince ?? null,
      humanAgentPermission: input.humanAgentPermission ?? false,
      marketingMessagesPermission: input.marketingMessagesPermission ?? false,
      adsManagementPermission: input.adsManagementPermission ?? false,
    };
    this.apps.set(app.id, app);
    this.touch();
    return app;
  }

  // ---- pages ----
  addPage(input: Partial<SandboxPage> & { appId: string }): SandboxPage {
    if (!this.apps.has(input.appId)) throw new Error(`unknown app ${input.appId}`);
    const id = input.id ?? newNumericId("1");
    const page: SandboxPage = {
      id,
      name: input.name ?? `Page ${id.slice(-4)}`,
      username: input.username ?? `page${id.slice(-6)}`,
      accessToken: input.accessToken ?? newAccessToken(),
      appId: input.appId,
      tokenRevoked: input.tokenRevoked ?? false,
      subscribedFields: input.subscribedFields ?? [...DEFAULT_SUBSCRIBED_FIELDS],
      getStartedPayload: input.getStartedPayload ?? "GET_STARTED",
      faults: input.faults ?? defaultFaults(this.defaultRateLimitPerSecond),
      connectedApps: input.connectedApps ?? [],
      routingEnabled: input.routingEnabled ?? true,
    };
    if (input.messengerProfile) page.messengerProfile = input.messengerProfile;
    if (input.region) page.region = input.region;
    if (input.businessCountry) page.businessCountry = input.businessCountry;
    const previous = this.pages.get(id);
    if (previous) this.unindexPage(previous);
    this.pages.set(id, page);
    this.pagesByToken.set(page.accessToken, page);
    this.pagesByUsername.set(page.username.toLowerCase(), page);
    for (const connected of page.connectedApps) this.secondaryTokens.set(connected.accessToken, { page, appId: connected.appId });
    this.touch();
    return page;
  }

  private unindexPage(page: SandboxPage): void {
    this.pagesByToken.delete(page.accessToken);
    this.pagesByUsername.delete(page.username.toLowerCase());
    for (const connected of page.connectedApps) this.secondaryTokens.delete(connected.accessToken);
  }

  pageByToken(token: string): SandboxPage | undefined {
    return this.pagesByToken.get(token);
  }

  /** The Page and app a Page token belongs to (the Page's own token speaks for its default app). */
  pageTokenOwner(token: string): PageTokenOwner | undefined {
    const page = this.pagesByToken.get(token);
    if (page) return { page, appId: page.appId };
    return this.secondaryTokens.get(token);
  }

  /** Connects another app to the Page (or updates it); it gets its own Page token. */
  connectApp(page: SandboxPage, appId: string, options: { accessToken?: string; subscribedFields?: WebhookField[] } = {}): ConnectedApp {
    if (!this.apps.has(appId)) throw new Error(`unknown app ${appId}`);
    if (appId === page.appId || appId === PAGE_INBOX_APP_ID) throw new Error(`app ${appId} already has a role on the Page`);
    let connected = page.connectedApps.find((c) => c.appId === appId);
    if (connected) {
      this.secondaryTokens.delete(connected.accessToken);
      if (options.accessToken) connected.accessToken = options.accessToken;
      if (options.subscribedFields) connected.subscribedFields = options.subscribedFields;
    } else {
      connected = { appId, accessToken: options.accessToken ?? newAccessToken(), subscribedFields: options.subscribedFields ?? [...DEFAULT_SUBSCRIBED_FIELDS] };
      page.connectedApps.push(connected);
    }
    this.secondaryTokens.set(connected.accessToken, { page, appId });
    this.touch();
    return connected;
  }

  /** The app that owns the person's thread: the Page's default app unless control was passed or taken. */
  threadOwner(user: SandboxUser): string {
    return this.threadOwners.get(user.psid) ?? this.pages.get(user.pageId)?.appId ?? "";
  }

  setThreadOwner(user: SandboxUser, appId: string): void {
    if (appId === this.pages.get(user.pageId)?.appId) this.threadOwners.delete(user.psid);
    else this.threadOwners.set(user.psid, appId);
    this.touch();
  }

  /** Webhook fields an app subscribed for a Page (null: the app is not connected to it). */
  fieldsOf(page: SandboxPage, appId: string): WebhookField[] | null {
    if (appId === page.appId) return page.subscribedFields;
    return page.connectedApps.find((c) => c.appId === appId)?.subscribedFields ?? null;
  }

  senderActionState(psid: string): SenderActionState {
    let state = this.senderActions.get(psid);
    if (!state) this.senderActions.set(psid, (state = { typing: false, typingSince: null, seenAt: null, history: [] }));
    return state;
  }

  /** Resolves a Page by id or by username (m.me links use the username). */
  pageByIdOrUsername(idOrUsername: string): SandboxPage | undefined {
    return this.pages.get(idOrUsername) ?? this.pagesByUsername.get(idOrUsername.toLowerCase());
  }

  /** Gives the Page a new token (the old one stops working), as a re-login would. */
  rotatePageToken(page: SandboxPage, token = newAccessToken()): string {
    this.pagesByToken.delete(page.accessToken);
    page.accessToken = token;
    page.tokenRevoked = false;
    this.pagesByToken.set(token, page);
    this.touch();
    return token;
  }

  // ---- users ----
  addUser(input: Partial<SandboxUser> & { pageId: string }, now: number): SandboxUser {
    if (!this.pages.has(input.pageId)) throw new Error(`unknown page ${input.pageId}`);
    const psid = input.psid ?? newNumericId("3");
    const user: SandboxUser = {
      psid,
      pageId: input.pageId,
      firstName: input.firstName ?? "Test",
      lastName: input.lastName ?? `User ${psid.slice(-4)}`,
      locale: input.locale ?? "en_US",
      profilePic: input.profilePic ?? `https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=${psid}`,
      blocked: input.blocked ?? false,
      threadStarted: input.threadStarted ?? false,
      lastInboundAt: input.lastInboundAt ?? null,
      createdAt: input.createdAt ?? now,
    };
    if (input.timezone) user.timezone = input.timezone;
    if (input.pageAdmin) user.pageAdmin = true;
    this.users.set(psid, user);
    let list = this.usersByPage.get(user.pageId);
    if (!list) this.usersByPage.set(user.pageId, (list = []));
    list.push(user);
    if (!this.threads.has(psid)) this.threads.set(psid, []);
    this.touch();
    return user;
  }

  usersOfPage(pageId: string): SandboxUser[] {
    return this.usersByPage.get(pageId) ?? [];
  }

  thread(psid: string): ThreadMessage[] {
    let thread = this.threads.get(psid);
    if (!thread) this.threads.set(psid, (thread = []));
    return thread;
  }

  // ---- recurring notifications / marketing messages ----
  addNotificationToken(record: NotificationMessagesToken): NotificationMessagesToken {
    this.notificationTokens.set(record.token, record);
    pushTo(this.tokensByPage, record.pageId, record);
    pushTo(this.tokensByPsid, record.psid, record);
    this.touch();
    return record;
  }

  /** The Page's notification_messages tokens, oldest first (index = paging cursor). */
  notificationTokensOfPage(pageId: string): readonly NotificationMessagesToken[] {
    return this.tokensByPage.get(pageId) ?? [];
  }

  notificationTokensOf(psid: string): readonly NotificationMessagesToken[] {
    return this.tokensByPsid.get(psid) ?? [];
  }

  static topicKey(pageId: string, title: string): string {
    return `${pageId}\u0000${title}`;
  }

  topic(pageId: string, title: string): NotificationTopic | undefined {
    return this.notificationTopics.get(SandboxStore.topicKey(pageId, title));
  }

  campaignDeliveriesOf(campaignId: string): Set<string> {
    let set = this.campaignDeliveries.get(campaignId);
    if (!set) this.campaignDeliveries.set(campaignId, (set = new Set()));
    return set;
  }

  // ---- user access tokens (Facebook Login) ----
  addUserToken(pageIds: string[], token = newAccessToken(), lifetimeMs: number | null = null, now = Date.now()): UserAccessToken {
    const record: UserAccessToken = { token, pageIds, expiresAt: lifetimeMs === null ? null : now + lifetimeMs };
    this.userTokens.set(token, record);
    this.touch();
    return record;
  }

  static readonly LONG_LIVED_USER_TOKEN_MS = 60 * DAY_MS;

  // ---- Facebook users (Facebook Login) ----
  addFacebookUser(input: { id?: string; name: string; pageIds?: string[]; tasks?: Record<string, string[]> }): FacebookUser {
    const user: FacebookUser = { id: input.id ?? newNumericId("4"), name: input.name, pageIds: input.pageIds ?? [], tasks: input.tasks ?? {} };
    this.facebookUsers.set(user.id, user);
    this.touch();
    return user;
  }

  /**
   * The Page token an app acts with, minted when missing or dead (as the next login does): the Page's own token
   * for its default app, else the app's connected-app token (connected with no fields until it subscribes).
   */
  pageTokenFor(page: SandboxPage, appId: string): string {
    if (appId === page.appId) {
      if (this.deadTokens.has(page.accessToken)) this.rotatePageToken(page);
      return page.accessToken;
    }
    const connected = page.connectedApps.find((c) => c.appId === appId);
    if (!connected) return this.connectApp(page, appId, { subscribedFields: [] }).accessToken;
    if (this.deadTokens.has(connected.accessToken)) return this.connectApp(page, appId, { accessToken: newAccessToken() }).accessToken;
    return connected.accessToken;
  }

  /** Kills the Page's current token for one app (or every app) with a 190 subcode; returns the killed tokens. */
  killPageTokens(page: SandboxPage, subcode: number, now: number, appId?: string): DeadToken[] {
    const roles = [{ appId: page.appId, token: page.accessToken }, ...page.connectedApps.map((c) => ({ appId: c.appId, token: c.accessToken }))];
    const killed = roles
      .filter((r) => appId === undefined || r.appId === appId)
      .map((r) => ({ token: r.token, pageId: page.id, appId: r.appId, subcode, at: now }));
    for (const dead of killed) this.deadTokens.set(dead.token, dead);
    this.touch();
    return killed;
  }

  // ---- snapshot ----
  snapshot(): StoreSnapshot {
    return {
      version: 1,
      apps: [...this.apps.values()],
      pages: [...this.pages.values()],
      users: [...this.users.values()],
      threads: Object.fromEntries(this.threads),
      otnTokens: [...this.otnTokens.values()],
      notificationTokens: [...this.notificationTokens.values()],
      userTokens: [...this.userTokens.values()],
      threadOwners: Object.fromEntries(this.threadOwners),
      attachments: [...this.attachments.values()],
      facebookUsers: [...this.facebookUsers.values()],
      authCodes: [...this.authCodes.values()],
      deadTokens: [...this.deadTokens.values()],
      pageTokenGrants: [...this.pageTokenGrants.values()],
      notificationTopics: [...this.notificationTopics.values()],
      adAccounts: [...this.adAccounts.values()],
      campaigns: [...this.campaigns.values()],
      campaignDeliveries: Object.fromEntries([...this.campaignDeliveries].map(([id, tokens]) => [id, [...tokens]])),
    };
  }

  clear(): void {
    this.apps.clear();
    this.pages.clear();
    this.users.clear();
    this.threads.clear();
    this.otnTokens.clear();
    this.notificationTokens.clear();
    this.userTokens.clear();
    this.threadOwners.clear();
    this.senderActions.clear();
    this.attachments.clear();
    this.attachmentFiles.clear();
    this.facebookUsers.clear();
    this.authCodes.clear();
    this.deadTokens.clear();
    this.pageTokenGrants.clear();
    this.notificationTopics.clear();
    this.adAccounts.clear();
    this.campaigns.clear();
    this.campaignDeliveries.clear();
    this.tokensByPage.clear();
    this.tokensByPsid.clear();
    this.secondaryTokens.clear();
    this.pagesByToken.clear();
    this.pagesByUsername.clear();
    this.usersByPage.clear();
    this.touch();
  }

  restore(snapshot: StoreSnapshot): void {
    this.clear();
    for (const app of snapshot.apps) this.addApp(app);
    for (const page of snapshot.pages) this.addPage({ ...page, faults: { ...defaultFaults(), ...page.faults } });
    for (const user of snapshot.users) this.addUser(user, user.createdAt);
    for (const [psid, messages] of Object.entries(snapshot.threads ?? {})) this.threads.set(psid, messages);
    for (const t of snapshot.otnTokens ?? []) this.otnTokens.set(t.token, t);
    for (const t of snapshot.notificationTokens ?? []) this.addNotificationToken(t);
    for (const t of snapshot.userTokens ?? []) this.userTokens.set(t.token, t);
    for (const [psid, appId] of Object.entries(snapshot.threadOwners ?? {})) this.threadOwners.set(psid, appId);
    for (const a of snapshot.attachments ?? []) this.attachments.set(a.id, a);
    for (const u of snapshot.facebookUsers ?? []) this.facebookUsers.set(u.id, u);
    for (const c of snapshot.authCodes ?? []) this.authCodes.set(c.code, c);
    for (const d of snapshot.deadTokens ?? []) this.deadTokens.set(d.token, d);
    for (const g of snapshot.pageTokenGrants ?? []) this.pageTokenGrants.set(g.token, g);
    for (const t of snapshot.notificationTopics ?? []) this.notificationTopics.set(SandboxStore.topicKey(t.pageId, t.title), t);
    for (const a of snapshot.adAccounts ?? []) this.adAccounts.set(a.id, a);
    for (const c of snapshot.campaigns ?? []) this.campaigns.set(c.id, c);
    for (const [id, tokens] of Object.entries(snapshot.campaignDeliveries ?? {})) this.campaignDeliveries.set(id, new Set(tokens));
    this.touch();
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
