/**
 * Bulk helpers for tests and benchmarks: create N people, have N people open an m.me link, and have them
 * tap "Notify Me" once the app has answered with a one_time_notif_req - all in one call.
 */
import { YEAR_MS, type SandboxClock } from "../clock";
import { newOpaqueToken } from "../ids";
import type { SandboxStore } from "../state/store";
import type { SandboxUser } from "../state/types";
import { SimulationError, templateOf, type UserSimulator } from "./simulator";

export class BulkActions {
  constructor(
    private readonly store: SandboxStore,
    private readonly users: UserSimulator,
    private readonly clock: SandboxClock,
  ) {}

  createUsers(pageId: string, count: number, namePrefix = "Test"): SandboxUser[] {
    const created: SandboxUser[] = [];
    for (let i = 0; i < count; i++) {
      created.push(this.users.createUser(pageId, { firstName: namePrefix, lastName: `User ${i + 1}` }));
    }
    return created;
  }

  /**
   * N new people who already hold an unused one_time_notif_token for `payload`, as if each had tapped
   * Notify Me long ago; no webhook is sent. Benchmarks seed large campaigns with it, without the app
   * having to send 100,000 requests first.
   */
  grantOtnTokens(pageId: string, input: { count: number; payload: string; title?: string; namePrefix?: string }): { psid: string; token: string }[] {
    const now = this.clock.now();
    return this.createUsers(pageId, input.count, input.namePrefix ?? "Subscriber").map((user) => {
      const token = `otn_${newOpaqueToken()}`;
      this.store.otnTokens.set(token, { token, pageId, psid: user.psid, payload: input.payload, title: input.title ?? "Updates", createdAt: now, expiresAt: now + YEAR_MS, usedAt: null });
      user.threadStarted = true;
      return { psid: user.psid, token };
    });
  }

  /** New people (count) or existing ones (psids) open the Page's m.me link with `ref`. */
  openLink(pageId: string, input: { count?: number; psids?: string[]; ref?: string }): { psid: string; outcome: string }[] {
    const people = input.psids?.map((psid) => this.users.user(psid)) ?? this.createUsers(pageId, input.count ?? 1);
    return people.map((user) => ({ psid: user.psid, outcome: this.users.openLink(user.psid, input.ref) }));
  }

  /**
   * Each person (psids, or every person of the Page) taps Notify Me on their latest untapped
   * one_time_notif_req, waiting up to waitMs for the app to have sent one.
   */
  async notifyMe(pageId: string, input: { psids?: string[]; waitMs?: number }): Promise<{ tapped: { psid: string; token: string }[]; missing: string[] }> {
    const page = this.store.pageByIdOrUsername(pageId);
    if (!page) throw new SimulationError(`unknown page ${pageId}`, 404);
    const waiting = new Set(input.psids ?? this.store.usersOfPage(page.id).map((u) => u.psid));
    const tapped: { psid: string; token: string }[] = [];
    const deadline = Date.now() + (input.waitMs ?? 0);
    for (;;) {
      for (const psid of [...waiting]) {
        if (!this.hasPendingRequest(psid)) continue;
        tapped.push({ psid, token: this.users.tapNotifyMe(psid).token });
        waiting.delete(psid);
      }
      if (waiting.size === 0 || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return { tapped, missing: [...waiting] };
  }

  async openLinkAndNotifyMe(pageId: string, input: { count?: number; psids?: string[]; ref?: string; waitMs?: number }) {
    const opened = this.openLink(pageId, input);
    const result = await this.notifyMe(pageId, { psids: opened.map((o) => o.psid), waitMs: input.waitMs ?? 10_000 });
    return { opened, ...result };
  }

  /** Each person (psids, or every person of the Page) sends `perUser` texts: load for the app's webhook. */
  sendTexts(pageId: string, input: { psids?: string[]; perUser?: number; text?: string }): number {
    const page = this.store.pageByIdOrUsername(pageId);
    if (!page) throw new SimulationError(`unknown page ${pageId}`, 404);
    const psids = input.psids ?? this.store.usersOfPage(page.id).map((u) => u.psid);
    const perUser = input.perUser ?? 1;
    let sent = 0;
    for (let round = 0; round < perUser; round++) {
      for (const psid of psids) {
        this.users.sendText(psid, input.text ?? `Message ${round + 1}`);
        sent++;
      }
    }
    return sent;
  }

  private hasPendingRequest(psid: string): boolean {
    return this.store.thread(psid).some((m) => m.direction === "out" && !m.optedIn && templateOf(m)?.template_type === "one_time_notif_req");
  }
}
