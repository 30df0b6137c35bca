/**
 * Simulated Messenger users: everything a person can do in a thread with a Page, turned into the state
 * changes and webhook events Meta would produce. Opening an m.me link starts a new thread (Get Started ->
 * messaging_postbacks with referral) or re-enters an existing one (messaging_referrals); messages,
 * postbacks, referrals and opt-ins reopen the 24 h window.
 */
import { YEAR_MS } from "../clock";
import { newMessageId, newOpaqueToken } from "../ids";
import type { SandboxStore } from "../state/store";
import type { SandboxMenuItem, SandboxUser, ThreadMessage } from "../state/types";
import { greetingFor, menuFor, profileOf } from "../graph/messenger-profile";
import type { SandboxClock } from "../clock";
import type { WebhookDispatcher } from "../webhooks/dispatcher";
import * as payloads from "../webhooks/payloads";

export class SimulationError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

/** A person who answers by themselves: reads the Page's messages after `readAfterMs`, then replies. */
export interface AutoReplySettings {
  /** Delivery and read receipts this long after a Page message (null: never by themselves). */
  readAfterMs: number | null;
  /** The canned reply (text and/or image URL); none: the person only reads. */
  replyText: string | null;
  replyImageUrl: string | null;
  /** Reply this long after the Page message (defaults to readAfterMs, else 0). */
  replyAfterMs: number | null;
}

export class UserSimulator {
  /** Automatic people (not persisted: a restart leaves everyone manual). */
  readonly auto = new Map<string, AutoReplySettings>();
  private readonly autoTimers = new Map<string, { read?: NodeJS.Timeout; reply?: NodeJS.Timeout }>();

  constructor(
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  user(psid: string): SandboxUser {
    const user = this.store.users.get(psid);
    if (!user) throw new SimulationError(`unknown user ${psid}`, 404);
    return user;
  }

  createUser(pageIdOrUsername: string, input: Partial<Omit<SandboxUser, "pageId">> = {}): SandboxUser {
    const page = this.store.pageByIdOrUsername(pageIdOrUsername);
    if (!page) throw new SimulationError(`unknown page ${pageIdOrUsername}`, 404);
    return this.store.addUser({ ...input, pageId: page.id }, this.clock.now());
  }

  /** The person opened m.me/<page>?ref=<ref>. New thread: taps Get Started (unless getStarted=false). */
  openLink(psid: string, ref: string | undefined, options: { getStarted?: boolean } = {}): "postback" | "referral" | "awaiting_get_started" | "opened" {
    const user = this.user(psid);
    if (!user.threadStarted) {
      if (options.getStarted === false) {
        this.pendingRefs.set(psid, ref);
        return "awaiting_get_started";
      }
      this.getStarted(psid, ref);
      return "postback";
    }
    if (ref === undefined) return "opened"; // no ref: Meta sends nothing for an existing thread
    const now = this.inbound(user, "referral", `opened link ref=${ref}`);
    this.dispatcher.emit(payloads.shortlinkReferralEvent(user.pageId, psid, now, ref));
    return "referral";
  }

  private readonly pendingRefs = new Map<string, string | undefined>();

  /** Tapping Get Started on a new thread: a postback carrying the link's referral, if any. */
  getStarted(psid: string, ref?: string): ThreadMessage {
    const user = this.user(psid);
    const page = this.store.pages.get(user.pageId)!;
    const effectiveRef = ref ?? this.pendingRefs.get(psid);
    this.pendingRefs.delete(psid);
    user.threadStarted = true;
    const mid = newMessageId();
    const now = this.inbound(user, "postback", "Get Started", mid);
    // The payload the Page set through the Messenger Profile API, else the Page's configured default.
    const payload = profileOf(page).get_started?.payload ?? page.getStartedPayload;
    this.dispatcher.emit(payloads.postback(user.pageId, psid, now, { mid, title: "Get Started", payload, ref: effectiveRef }));
    return this.lastOf(psid);
  }

  sendText(psid: string, text: string, quickReplyPayload?: string): ThreadMessage {
    const user = this.startedUser(psid);
    const mid = newMessageId();
    const message: Json = { mid, text };
    if (quickReplyPayload !== undefined) message.quick_reply = { payload: quickReplyPayload };
    const now = this.inbound(user, "message", undefined, mid, { text });
    this.dispatcher.emit(payloads.userMessage(user.pageId, psid, now, message as { mid: string }));
    return this.lastOf(psid);
  }

  sendAttachment(psid: string, type: "image" | "audio" | "video" | "file", url: string): ThreadMessage {
    const user = this.startedUser(psid);
    const mid = newMessageId();
    const attachments = [{ type, payload: { url } }];
    const now = this.inbound(user, "message", undefined, mid, { attachments });
    this.dispatcher.emit(payloads.userMessage(user.pageId, psid, now, { mid, attachments }));
    return this.lastOf(psid);
  }

  /** Taps quick reply `index` (or the one with `payload`) of Page message `mid` (default: the latest with quick replies). */
  tapQuickReply(psid: string, selector: { mid?: string; index?: number; payload?: string }): ThreadMessage {
    const source = this.findPageMessage(psid, selector.mid, (m) => Array.isArray(m.message?.quick_replies));
    const replies = source.message!.quick_replies as Json[];
    const reply = selector.payload !== undefined ? replies.find((q) => q.payload === selector.payload) : replies[selector.index ?? 0];
    if (!reply) throw new SimulationError("no such quick reply");
    return this.sendText(psid, String(reply.title ?? reply.payload), String(reply.payload));
  }

  /** The persistent menu this person sees (their locale's, else the default), and the greeting of a new thread. */
  menuOf(psid: string): { items: SandboxMenuItem[]; greeting: string | null; getStarted: boolean } {
    const user = this.user(psid);
    const page = this.store.pages.get(user.pageId)!;
    return { items: menuFor(page, user.locale), greeting: greetingFor(page, user.locale), getStarted: profileOf(page).get_started !== undefined };
  }

  /** Taps persistent-menu item `index` (or the one titled `title`): a postback, as Meta sends for a menu tap. */
  tapMenuItem(psid: string, selector: { index?: number; title?: string }): ThreadMessage {
    const { items } = this.menuOf(psid);
    const item = selector.title !== undefined ? items.find((i) => i.title === selector.title) : items[selector.index ?? 0];
    if (!item) throw new SimulationError("no such menu item");
    if (item.type !== "postback") throw new SimulationError(`the menu item opens ${item.url}; it sends no webhook`);
    return this.postback(psid, { title: item.title, payload: item.payload });
  }

  /** A postback: a button tap (title/payload given directly, or button `index` of Page message `mid`). */
  postback(psid: string, input: { title?: string; payload?: string; mid?: string; index?: number; elementIndex?: number }): ThreadMessage {
    let { title, payload } = input;
    if (payload === undefined) {
      const source = this.findPageMessage(psid, input.mid, (m) => buttonsOf(m, input.elementIndex).length > 0);
      const button = buttonsOf(source, input.elementIndex)[input.index ?? 0];
      if (!button || button.type !== "postback") throw new SimulationError("no such postback button");
      title = String(button.title);
      payload = String(button.payload);
    }
    const user = this.startedUser(psid);
    const mid = newMessageId();
    const now = this.inbound(user, "postback", title ?? payload, mid);
    this.dispatcher.emit(payloads.postback(user.pageId, psid, now, { mid, title: title ?? "", payload }));
    return this.lastOf(psid);
  }

  /** Taps "Notify Me" on a one_time_notif_req (default: the latest not yet tapped). Returns the new token. */
  tapNotifyMe(psid: string, mid?: string): { token: string; mid: string } {
    const user = this.user(psid);
    const source = this.findPageMessage(psid, mid, (m) => templateOf(m)?.template_type === "one_time_notif_req" && (mid !== undefined || !m.optedIn));
    const template = templateOf(source)!;
    const now = this.clock.now();
    const token = `otn_${newOpaqueToken()}`;
    this.store.otnTokens.set(token, {
      token,
      pageId: user.pageId,
      psid,
      payload: String(template.payload),
      title: String(template.title),
      createdAt: now,
      expiresAt: now + YEAR_MS,
      usedAt: null,
    });
    source.optedIn = true;
    this.inbound(user, "optin", `Notify Me: ${String(template.title)}`);
    this.dispatcher.emit(payloads.oneTimeNotifOptin(user.pageId, psid, now, String(template.payload), token));
    return { token, mid: source.mid };
  }

  /** Set by the core: recurring notifications and marketing subscriptions (users/subscriptions.ts). */
  subscriptions?: { optIn(psid: string, mid?: string, timezone?: string): { token: string; mid: string } };

  /** Opts in to a notification_messages request (recurring notifications); does not reopen the window. */
  optInNotifications(psid: string, mid?: string, timezone?: string): { token: string; mid: string } {
    if (!this.subscriptions) throw new SimulationError("subscriptions are not wired", 500);
    return this.subscriptions.optIn(psid, mid, timezone);
  }

  /** Marks the Page's undelivered messages as delivered and emits message_deliveries. */
  deliver(psid: string): { mids: string[]; watermark: number } | null {
    const user = this.user(psid);
    const now = this.clock.now();
    const pending = this.store.thread(psid).filter((m) => m.direction === "out" && m.message && !m.deliveredAt);
    if (!pending.length) return null;
    for (const m of pending) m.deliveredAt = now;
    const mids = pending.map((m) => m.mid);
    const watermark = pending[pending.length - 1].timestamp;
    this.dispatcher.emit(payloads.delivery(user.pageId, psid, mids, watermark));
    this.store.touch();
    return { mids, watermark };
  }

  /** Reads everything the Page sent so far; emits message_reads with the newest timestamp as watermark. */
  read(psid: string): { watermark: number } | null {
    const user = this.user(psid);
    const now = this.clock.now();
    const out = this.store.thread(psid).filter((m) => m.direction === "out" && m.message);
    if (!out.length) return null;
    for (const m of out) m.readAt ??= now;
    const watermark = out[out.length - 1].timestamp;
    this.dispatcher.emit(payloads.read(user.pageId, psid, now, watermark));
    this.store.touch();
    return { watermark };
  }

  react(psid: string, mid: string, reaction = "love", emoji = "\u2764\uFE0F", action: "react" | "unreact" = "react"): void {
    const user = this.user(psid);
    this.dispatcher.emit(payloads.reaction(user.pageId, psid, this.clock.now(), { mid, reaction, emoji, action }));
  }

  /**
   * What a person does on opening the thread: the Page's messages are delivered and read (message_deliveries,
   * message_reads with watermarks), then, if asked, they answer with a text and/or an image.
   */
  readAndReply(psid: string, input: { read?: boolean; text?: string; imageUrl?: string } = {}): { delivered: string[]; watermark: number | null; replies: ThreadMessage[] } {
    this.user(psid);
    let delivered: string[] = [];
    let watermark: number | null = null;
    if (input.read !== false) {
      delivered = this.deliver(psid)?.mids ?? [];
      watermark = this.read(psid)?.watermark ?? null;
    }
    const replies: ThreadMessage[] = [];
    if (input.text) replies.push(this.sendText(psid, input.text));
    if (input.imageUrl) replies.push(this.sendAttachment(psid, "image", input.imageUrl));
    return { delivered, watermark, replies };
  }

  /** Turns the automatic mode on (settings) or off (null) for a person. */
  setAuto(psid: string, settings: Partial<AutoReplySettings> | null): AutoReplySettings | null {
    this.user(psid);
    this.clearAutoTimers(psid);
    if (settings === null) {
      this.auto.delete(psid);
      return null;
    }
    const full: AutoReplySettings = {
      readAfterMs: settings.readAfterMs ?? null,
      replyText: settings.replyText ?? null,
      replyImageUrl: settings.replyImageUrl ?? null,
      replyAfterMs: settings.replyAfterMs ?? null,
    };
    this.auto.set(psid, full);
    return full;
  }

  /** Called after each Page message: an automatic person reads and replies on their own timers (one reply per burst). */
  onPageMessage(psid: string): void {
    const settings = this.auto.get(psid);
    if (!settings) return;
    let timers = this.autoTimers.get(psid);
    if (!timers) this.autoTimers.set(psid, (timers = {}));
    const slot = timers;
    if (settings.readAfterMs !== null && !slot.read) {
      slot.read = setTimeout(() => {
        slot.read = undefined;
        if (this.store.users.has(psid)) this.readAndReply(psid, { read: true });
      }, settings.readAfterMs);
    }
    if ((settings.replyText || settings.replyImageUrl) && !slot.reply) {
      slot.reply = setTimeout(() => {
        slot.reply = undefined;
        const user = this.store.users.get(psid);
        if (!user || user.blocked) return;
        this.readAndReply(psid, { read: settings.readAfterMs !== null, text: settings.replyText ?? undefined, imageUrl: settings.replyImageUrl ?? undefined });
      }, settings.replyAfterMs ?? settings.readAfterMs ?? 0);
    }
  }

  private clearAutoTimers(psid: string): void {
    const timers = this.autoTimers.get(psid);
    if (timers?.read) clearTimeout(timers.read);
    if (timers?.reply) clearTimeout(timers.reply);
    this.autoTimers.delete(psid);
  }

  /** Everyone back to manual (reset and close). */
  stopAuto(): void {
    for (const psid of [...this.autoTimers.keys()]) this.clearAutoTimers(psid);
    this.auto.clear();
  }

  setBlocked(psid: string, blocked: boolean): SandboxUser {
    const user = this.user(psid);
    user.blocked = blocked;
    this.store.touch();
    return user;
  }

  // ---- helpers ----

  private startedUser(psid: string): SandboxUser {
    const user = this.user(psid);
    user.threadStarted = true;
    return user;
  }

  /** Records an inbound interaction in the thread and reopens the 24 h window. */
  private inbound(user: SandboxUser, kind: string, label?: string, mid: string = newMessageId(), message?: Json): number {
    const now = this.clock.now();
    user.lastInboundAt = now;
    const entry: ThreadMessage = { mid, direction: "in", timestamp: now };
    if (message) entry.message = message;
    else entry.event = label ? `${kind}: ${label}` : kind;
    this.store.thread(user.psid).push(entry);
    this.store.touch();
    return now;
  }

  private lastOf(psid: string): ThreadMessage {
    const thread = this.store.thread(psid);
    return thread[thread.length - 1];
  }

  private findPageMessage(psid: string, mid: string | undefined, matches: (m: ThreadMessage) => boolean): ThreadMessage {
    const thread = this.store.thread(psid);
    for (let i = thread.length - 1; i >= 0; i--) {
      const m = thread[i];
      if (m.direction === "out" && (mid === undefined || m.mid === mid) && matches(m)) return m;
    }
    throw new SimulationError(mid ? `no matching Page message ${mid} for ${psid}` : `no matching Page message for ${psid}`, 404);
  }
}

export function templateOf(m: ThreadMessage): Json | undefined {
  const attachment = m.message?.attachment as Json | undefined;
  if (attachment?.type !== "template") return undefined;
  return attachment.payload as Json;
}

function buttonsOf(m: ThreadMessage, elementIndex?: number): Json[] {
  const template = templateOf(m);
  if (!template) return [];
  if (template.template_type === "generic") {
    const element = (template.elements as Json[] | undefined)?.[elementIndex ?? 0];
    return (element?.buttons as Json[] | undefined) ?? [];
  }
  return (template.buttons as Json[] | undefined) ?? [];
}
