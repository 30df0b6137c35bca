/**
 * Conversation Routing (Meta's successor of the Handover Protocol, which keeps its calls): per Page, the
 * default (primary) app, other connected apps and Meta's Page Inbox (app 263902037430900) can own a
 * person's thread. The owner receives the person's events under their fields, the other apps as
 * `standby`; only the owner may send (10/2018300). Calls: pass_thread_control (the owner hands over),
 * take_thread_control (the primary app takes back; needs routing, else 27), request_thread_control (asks
 * the primary app), GET thread_owner and secondary_receivers. Each change notifies the app concerned with
 * a messaging_handovers event.
 */
import type { SandboxStore } from "../state/store";
import { PAGE_INBOX_APP_ID, type SandboxPage, type SandboxUser } from "../state/types";
import type { WebhookDispatcher } from "../webhooks/dispatcher";
import * as payloads from "../webhooks/payloads";
import type { GraphContext } from "./context";
import { graphErrors } from "./graph-error";
import { jsonParam } from "./json-param";

type Json = Record<string, unknown>;

export const PAGE_INBOX_NAME = "Page Inbox";

/** A request for control the Page Inbox has not acted on (shown in the sandbox's user page). */
export interface PendingControlRequest {
  psid: string;
  requestedOwnerAppId: string;
  metadata?: string;
  at: number;
}

/** Apps with a role on the Page, the Page Inbox included. */
export function appsWithRole(page: SandboxPage): string[] {
  return [page.appId, ...page.connectedApps.map((c) => c.appId), PAGE_INBOX_APP_ID];
}

/** The ownership moves, shared by the Graph calls and the control API (the Page Inbox acting in the sandbox). */
export class ThreadControl {
  /** Requests addressed to the Page Inbox (when the primary app asks for a thread the inbox owns). */
  readonly inboxRequests = new Map<string, PendingControlRequest>();

  constructor(
    private readonly store: SandboxStore,
    private readonly dispatcher: WebhookDispatcher,
    private readonly now: () => number,
  ) {}

  owner(user: SandboxUser): string {
    return this.store.threadOwner(user);
  }

  pass(page: SandboxPage, user: SandboxUser, fromAppId: string, targetAppId: string, metadata?: string): void {
    this.store.setThreadOwner(user, targetAppId);
    this.inboxRequests.delete(user.psid);
    this.dispatcher.emit(payloads.passThreadControl(page.id, user.psid, this.now(), targetAppId, fromAppId, metadata));
  }

  take(page: SandboxPage, user: SandboxUser, appId: string, metadata?: string): void {
    const previous = this.owner(user);
    if (previous === appId) return;
    this.store.setThreadOwner(user, appId);
    this.inboxRequests.delete(user.psid);
    this.dispatcher.emit(payloads.takeThreadControl(page.id, user.psid, this.now(), previous, appId, metadata));
  }

  /** The primary app hears about requests; the primary app's own requests go to the Page Inbox. */
  request(page: SandboxPage, user: SandboxUser, appId: string, metadata?: string): void {
    if (appId !== page.appId) {
      this.dispatcher.emit(payloads.requestThreadControl(page.id, user.psid, this.now(), page.appId, appId, metadata));
    } else {
      this.inboxRequests.set(user.psid, { psid: user.psid, requestedOwnerAppId: appId, metadata, at: this.now() });
    }
  }

  clear(): void {
    this.inboxRequests.clear();
  }
}

function recipientOf(ctx: GraphContext, page: SandboxPage, params: Json): SandboxUser {
  let recipient = jsonParam(params.recipient);
  if (typeof recipient === "string" || typeof recipient === "number") recipient = { id: String(recipient) };
  if (typeof recipient !== "object" || recipient === null) throw graphErrors.invalidParameter("The parameter recipient is required");
  const id = (recipient as Json).id;
  if (typeof id !== "string" && typeof id !== "number") throw graphErrors.invalidParameter("param recipient[id] is required");
  const user = ctx.store.users.get(String(id));
  if (!user || user.pageId !== page.id) throw graphErrors.noMatchingUser();
  if (user.blocked) throw graphErrors.userUnavailable();
  return user;
}

const metadataOf = (params: Json) => (typeof params.metadata === "string" ? params.metadata : undefined);

function checkPath(page: SandboxPage, pathPageId: string | null): void {
  if (pathPageId !== null && pathPageId !== page.id) throw graphErrors.unknownObject(pathPageId);
}

export function handleThreadControl(
  ctx: GraphContext,
  control: ThreadControl,
  call: "pass_thread_control" | "take_thread_control" | "request_thread_control" | "thread_owner" | "secondary_receivers",
  page: SandboxPage,
  pathPageId: string | null,
  appId: string,
  params: Json,
): { status: number; body: unknown } {
  checkPath(page, pathPageId);
  if (call === "secondary_receivers") {
    if (appId !== page.appId) throw graphErrors.threadControlDenied("Only the Page's primary receiver app can read its secondary receivers.");
    const data = [...page.connectedApps.map((c) => ({ id: c.appId, name: ctx.store.apps.get(c.appId)?.name ?? "" })), { id: PAGE_INBOX_APP_ID, name: PAGE_INBOX_NAME }];
    const fields = typeof params.fields === "string" && params.fields.trim() ? params.fields.split(",").map((f) => f.trim()) : ["id", "name"];
    return { status: 200, body: { data: data.map((d) => Object.fromEntries(fields.filter((f) => f === "id" || f === "name").map((f) => [f, d[f as "id" | "name"]]))) } };
  }
  const user = recipientOf(ctx, page, params);
  const owner = control.owner(user);
  const metadata = metadataOf(params);
  if (metadata !== undefined && metadata.length > 1000) throw graphErrors.invalidParameter("param metadata must be at most 1000 characters");
  switch (call) {
    case "thread_owner":
      return { status: 200, body: { data: [{ thread_owner: { app_id: owner } }] } };
    case "pass_thread_control": {
      const raw = params.target_app_id;
      if (raw === undefined || raw === "") throw graphErrors.invalidParameter("The parameter target_app_id is required");
      const target = String(raw);
      if (owner !== appId) throw graphErrors.threadControlDenied("Your app is not the thread owner and can't pass thread control.");
      if (target === appId || !appsWithRole(page).includes(target)) {
        throw graphErrors.invalidParameter(`param target_app_id: app ${target} has no role on this Page that can receive the thread`);
      }
      control.pass(page, user, appId, target, metadata);
      return { status: 200, body: { success: true } };
    }
    case "take_thread_control":
      if (!page.routingEnabled) throw graphErrors.routingNotEnabled();
      if (appId !== page.appId && owner !== appId) throw graphErrors.threadControlDenied("Only the Page's primary receiver app can take thread control.");
      control.take(page, user, appId, metadata);
      return { status: 200, body: { success: true } };
    case "request_thread_control":
      if (owner === appId) throw graphErrors.threadControlDenied("Your app already controls this thread.");
      control.request(page, user, appId, metadata);
      return { status: 200, body: { success: true } };
  }
}
