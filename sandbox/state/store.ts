/**
 * In-memory store of everything the sandbox knows, with the indexes the hot paths need
 * (token -> Page, PSID -> user, OTN token -> token record). Mutations call `touch()` so the
 * persistence layer can save on a debounce instead of on every call.
 */
import { DAY_MS } from "../clock";
import { newAccessToken, newNumericId } from "../ids";
import type {
  NotificationMessagesToken,
  OneTimeNotifToken,
  PageFaults,
  SandboxApp,
  SandboxPage,
  SandboxUser,
  ThreadMessage,
  UserAccessToken,
  WebhookField,
} from "./types";

export const DEFAULT_SUBSCRIBED_FIELDS: WebhookField[] = [
  "messages",
  "messaging_postbacks",
  "messaging_optins",
  "messaging_referrals",
  "message_deliveries",
  "message_reads",
  "message_reactions",
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
  private readonly pagesByToken = new Map<string, SandboxPage>();
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
    };
    const previous = this.pages.get(id);
    if (previous) this.unindexPage(previous);
    this.pages.set(id, page);
    this.pagesByToken.set(page.accessToken, page);
    this.pagesByUsername.set(page.username.toLowerCase(), page);
    this.touch();
    return page;
  }

  private unindexPage(page: SandboxPage): void {
    this.pagesByToken.delete(page.accessToken);
    this.pagesByUsername.delete(page.username.toLowerCase());
  }

  pageByToken(token: string): SandboxPage | undefined {
    return this.pagesByToken.get(token);
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

  // ---- user access tokens (Facebook Login) ----
  addUserToken(pageIds: string[], token = newAccessToken(), lifetimeMs: number | null = null, now = Date.now()): UserAccessToken {
    const record: UserAccessToken = { token, pageIds, expiresAt: lifetimeMs === null ? null : now + lifetimeMs };
    this.userTokens.set(token, record);
    this.touch();
    return record;
  }

  static readonly LONG_LIVED_USER_TOKEN_MS = 60 * DAY_MS;

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
    for (const t of snapshot.notificationTokens ?? []) this.notificationTokens.set(t.token, t);
    for (const t of snapshot.userTokens ?? []) this.userTokens.set(t.token, t);
    this.touch();
  }
}
