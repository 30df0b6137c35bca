/**
 * Simulated people and Page admins around recurring notifications and Marketing Messages: opting in to a
 * notification_messages request (the Page's admin doing it registers the topic), opening an m.me/rn link and
 * tapping Allow, stopping and resuming notifications, accepting the re-opt-in Meta shows the day before a token
 * expires, unsubscribing from a Page's marketing messages, and seeding many subscribers at once. Opting in does
 * not open the 24 h window (Meta's rule), so none of this touches lastInboundAt.
 */
import type { SandboxClock } from "../clock";
import { newMessageId, newOpaqueToken } from "../ids";
import { FREQUENCIES, isTokenActive, REOPTIN_NOTICE_MS, TOKEN_LIFETIME_MS } from "../graph/recurring";
import { recurringAvailable } from "../graph/regions";
import { SandboxStore } from "../state/store";
import type { NotificationFrequency, NotificationMessagesToken, SandboxPage, SandboxUser } from "../state/types";
import type { WebhookDispatcher } from "../webhooks/dispatcher";
import * as payloads from "../webhooks/payloads";
import { SimulationError, templateOf, type UserSimulator } from "./simulator";

export type TokenSelector = { token?: string; title?: string };

export class SubscriptionSimulator {
  constructor(
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
    private readonly dispatcher: WebhookDispatcher,
    private readonly users: UserSimulator,
  ) {}

  /** The Page admin's own Messenger account (created on first use, with an open window so the app can ask them). */
  adminOf(pageIdOrUsername: string): SandboxUser {
    const page = this.pageOf(pageIdOrUsername);
    const existing = this.store.usersOfPage(page.id).find((u) => u.pageAdmin);
    if (existing) return existing;
    const now = this.clock.now();
    return this.users.createUser(page.id, { firstName: "Page", lastName: "Admin", pageAdmin: true, threadStarted: true, lastInboundAt: now });
  }

  topicsOf(pageIdOrUsername: string) {
    const page = this.pageOf(pageIdOrUsername);
    return [...this.store.notificationTopics.values()].filter((t) => t.pageId === page.id);
  }

  /**
   * Taps the opt-in button of a notification_messages request (default: the latest not yet answered). The admin
   * doing it registers the request's title as a topic of the Page. Returns the new token.
   */
  optIn(psid: string, mid?: string, timezone?: string): { token: string; mid: string } {
    const user = this.users.user(psid);
    const source = this.findRequest(psid, mid);
    const template = templateOf(source)!;
    const now = this.clock.now();
    const frequency = String(template.notification_messages_frequency ?? "DAILY") as NotificationFrequency;
    const title = String(template.title);
    const payload = String(template.payload);
    if (user.pageAdmin && !this.store.topic(user.pageId, title)) {
      this.store.notificationTopics.set(SandboxStore.topicKey(user.pageId, title), { pageId: user.pageId, title, frequency, payload, registeredAt: now, registeredBy: psid });
    }
    const reoptin = template.notification_messages_reoptin === "DISABLED" ? "DISABLED" : "ENABLED";
    const record = this.grant(user, { title, payload, frequency, timezone: timezone ?? templateTimezone(template) ?? user.timezone ?? "UTC", reoptin }, now);
    source.optedIn = true;
    this.note(user, `Opted in: ${title}`, now);
    this.emitOptin(record, now);
    return { token: record.token, mid: source.mid };
  }

  /**
   * The person opens m.me/rn/<page>?topic=<title>&cadence=<daily|weekly|monthly> and Messenger shows the opt-in
   * prompt; `allow` (default) taps Allow → messaging_optins with a new token. The topic must be registered.
   */
  openRecurringLink(psid: string, input: { topic: string; cadence?: string; allow?: boolean; timezone?: string }): { outcome: "opted_in" | "dismissed"; token?: string } {
    const user = this.users.user(psid);
    const page = this.pageOf(user.pageId);
    const now = this.clock.now();
    if (!recurringAvailable(page, now)) throw new SimulationError(`recurring notifications are not available for Pages in region ${page.region ?? "US"}`, 409);
    const topic = this.store.topic(page.id, input.topic);
    if (!topic) throw new SimulationError(`topic "${input.topic}" is not registered for page ${page.id}: the Page's admin must opt in to it first`, 404);
    const frequency = (input.cadence ?? topic.frequency).toUpperCase() as NotificationFrequency;
    if (!FREQUENCIES.includes(frequency)) throw new SimulationError("cadence must be daily, weekly or monthly");
    if (this.store.notificationTokensOf(psid).some((t) => t.pageId === page.id && t.title === topic.title && isTokenActive(t, now))) {
      throw new SimulationError(`user ${psid} is already subscribed to "${topic.title}"`, 409);
    }
    user.threadStarted = true;
    if (input.allow === false) {
      this.note(user, `Dismissed m.me/rn: ${topic.title}`, now);
      return { outcome: "dismissed" };
    }
    const record = this.grant(user, { title: topic.title, payload: topic.payload, frequency, timezone: input.timezone ?? user.timezone ?? "UTC", reoptin: "ENABLED" }, now);
    this.note(user, `Opted in via m.me/rn: ${topic.title}`, now);
    this.emitOptin(record, now);
    return { outcome: "opted_in", token: record.token };
  }

  /** Stop (or resume) notifications for one topic (token or title), or for every topic of the Page (unsubscribe). */
  setStopped(psid: string, selector: TokenSelector, stopped: boolean): { tokens: string[] } {
    const user = this.users.user(psid);
    const now = this.clock.now();
    const targets = this.store
      .notificationTokensOf(psid)
      .filter((t) => t.pageId === user.pageId && now <= t.expiresAt && t.stopped !== stopped)
      .filter((t) => (selector.token === undefined || t.token === selector.token) && (selector.title === undefined || t.title === selector.title));
    if (!targets.length) throw new SimulationError(`no ${stopped ? "active" : "stopped"} notification token matches for ${psid}`, 404);
    for (const t of targets) {
      t.stopped = stopped;
      this.dispatcher.emit(payloads.notificationMessagesOptin(t.pageId, psid, now, bodyOf(t), stopped ? "STOP NOTIFICATIONS" : "RESUME NOTIFICATIONS"));
    }
    this.note(user, `${stopped ? "Stopped" : "Resumed"} notifications: ${targets.map((t) => t.title).join(", ")}`, now);
    this.store.touch();
    return { tokens: targets.map((t) => t.token) };
  }

  /**
   * The day before a token expires Meta asks the person to continue (if the request had re-opt-in enabled);
   * accepting extends the token by its lifetime with user_token_status REFRESHED (same token: inferred).
   */
  reoptIn(psid: string, token: string, accept = true): { token: string; expiresAt: number; refreshed: boolean } {
    const record = this.store.notificationTokens.get(token);
    if (!record || record.psid !== psid) throw new SimulationError(`unknown notification token for ${psid}`, 404);
    const now = this.clock.now();
    if ((record.reoptin ?? "ENABLED") === "DISABLED") throw new SimulationError("the request was sent with notification_messages_reoptin DISABLED: no re-opt-in is offered", 409);
    if (now < record.expiresAt - REOPTIN_NOTICE_MS || now > record.expiresAt) {
      throw new SimulationError(`the re-opt-in prompt shows only in the last day before expiry (${new Date(record.expiresAt).toISOString()})`, 409);
    }
    if (!accept) return { token, expiresAt: record.expiresAt, refreshed: false };
    record.expiresAt = now + TOKEN_LIFETIME_MS[record.frequency];
    record.userTokenStatus = "REFRESHED";
    this.note(this.users.user(psid), `Continued notifications: ${record.title}`, now);
    this.emitOptin(record, now);
    return { token, expiresAt: record.expiresAt, refreshed: true };
  }

  /**
   * N new people who already hold an active token for `title` (no webhooks), to seed Marketing Messages
   * audiences and benchmarks (100,000 in well under a few seconds: no per-person thread or event).
   */
  grantBulk(pageIdOrUsername: string, input: { count: number; title?: string; frequency?: NotificationFrequency; timezone?: string; namePrefix?: string }): { psid: string; token: string }[] {
    const page = this.pageOf(pageIdOrUsername);
    const now = this.clock.now();
    const title = input.title ?? "Updates and offers";
    const granted: { psid: string; token: string }[] = new Array(input.count);
    for (let i = 0; i < input.count; i++) {
      const user = this.store.addUser({ pageId: page.id, firstName: input.namePrefix ?? "Subscriber", lastName: `User ${i + 1}`, threadStarted: true, timezone: input.timezone }, now);
      const record = this.grant(user, { title, payload: title, frequency: input.frequency ?? "WEEKLY", timezone: input.timezone ?? "UTC", reoptin: "ENABLED" }, now);
      granted[i] = { psid: user.psid, token: record.token };
    }
    return granted;
  }

  // ---- helpers ----

  private grant(
    user: SandboxUser,
    o: { title: string; payload: string; frequency: NotificationFrequency; timezone: string; reoptin: "ENABLED" | "DISABLED" },
    now: number,
  ): NotificationMessagesToken {
    return this.store.addNotificationToken({
      token: `nm_${newOpaqueToken()}`,
      pageId: user.pageId,
      psid: user.psid,
      title: o.title,
      payload: o.payload,
      frequency: o.frequency,
      createdAt: now,
      expiresAt: now + TOKEN_LIFETIME_MS[o.frequency],
      stopped: false,
      lastSentAt: null,
      timezone: o.timezone,
      reoptin: o.reoptin,
      userTokenStatus: "NOT_REFRESHED",
    });
  }

  private emitOptin(record: NotificationMessagesToken, now: number): void {
    this.dispatcher.emit(payloads.notificationMessagesOptin(record.pageId, record.psid, now, bodyOf(record)));
  }

  /** A line in the person's thread (what Messenger shows), without reopening the 24 h window. */
  private note(user: SandboxUser, label: string, now: number): void {
    this.store.thread(user.psid).push({ mid: newMessageId(), direction: "in", timestamp: now, event: `optin: ${label}` });
    this.store.touch();
  }

  private findRequest(psid: string, mid: string | undefined) {
    const thread = this.store.thread(psid);
    for (let i = thread.length - 1; i >= 0; i--) {
      const m = thread[i];
      if (m.direction === "out" && (mid === undefined ? !m.optedIn : m.mid === mid) && templateOf(m)?.template_type === "notification_messages") return m;
    }
    throw new SimulationError(mid ? `no notification_messages request ${mid} for ${psid}` : `no unanswered notification_messages request for ${psid}`, 404);
  }

  private pageOf(idOrUsername: string): SandboxPage {
    const page = this.store.pageByIdOrUsername(idOrUsername);
    if (!page) throw new SimulationError(`unknown page ${idOrUsername}`, 404);
    return page;
  }
}

function templateTimezone(template: Record<string, unknown>): string | undefined {
  return typeof template.notification_messages_timezone === "string" ? template.notification_messages_timezone : undefined;
}

function bodyOf(t: NotificationMessagesToken): payloads.NotificationOptinBody {
  return {
    token: t.token,
    payload: t.payload,
    title: t.title,
    frequency: t.frequency,
    timezone: t.timezone ?? "UTC",
    expiresAt: t.expiresAt,
    userTokenStatus: t.userTokenStatus ?? "NOT_REFRESHED",
  };
}
