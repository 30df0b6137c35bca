import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { PAGE_INBOX_APP_ID } from "../state/types";
import { control, graph, startReceiver, waitFor, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sandbox = await withSandbox();
});
beforeEach(async () => {
  sandbox.core.reset();
  receiver = await startReceiver();
  await control(sandbox, "PUT", `/apps/${DEMO.appId}/webhook`, { callbackUrl: receiver.url, verifyToken: "verify-me" });
});
afterEach(() => receiver.close());
afterAll(() => sandbox.close());

const demoToken = `access_token=${DEMO.pageAccessToken}`;
const call = (method: string, path: string, body?: unknown, token = demoToken) => graph(sandbox, method, `/v21.0/${DEMO.pageId}/${path}${path.includes("?") ? "&" : "?"}${token}`, body);
const send = (psid: string, token = demoToken) =>
  graph(sandbox, "POST", `/v21.0/me/messages?${token}`, { recipient: { id: psid }, messaging_type: "RESPONSE", message: { text: "Hi from the app" } });

function engagedUser() {
  const user = sandbox.controls.users.createUser(DEMO.pageId);
  sandbox.controls.users.sendText(user.psid, "hi");
  return user;
}

/** Every event a receiver got, with the channel (messaging or standby) it came on. */
function entries(of: Awaited<ReturnType<typeof startReceiver>> = receiver) {
  return of.received.flatMap((r) =>
    (r.json.entry as unknown as Record<string, Record<string, unknown>[]>[]).flatMap((e) =>
      e.messaging ? e.messaging.map((ev) => ({ channel: "messaging", ev })) : (e.standby ?? []).map((ev) => ({ channel: "standby", ev })),
    ),
  );
}

describe("Conversation Routing with the Page Inbox", () => {
  it("the Page's default app owns every thread at first; secondary_receivers lists the Page Inbox", async () => {
    const user = engagedUser();
    expect((await call("GET", `thread_owner?recipient=${user.psid}`)).body).toEqual({ data: [{ thread_owner: { app_id: DEMO.appId } }] });
    expect((await call("GET", "secondary_receivers?fields=id,name")).body).toEqual({ data: [{ id: PAGE_INBOX_APP_ID, name: "Page Inbox" }] });
    expect((await control(sandbox, "GET", `/users/${user.psid}/thread-owner`)).body).toMatchObject({ appId: DEMO.appId, isPrimaryApp: true, isPageInbox: false });
  });

  it("the Page Inbox takes the thread: take_thread_control to our app, messages arrive as standby, our sends fail with 10/2018300", async () => {
    const user = engagedUser();
    await control(sandbox, "POST", `/users/${user.psid}/inbox/take`, { metadata: "agent Ann" });
    sandbox.controls.users.sendText(user.psid, "is anyone there?");
    await waitFor(() => entries().some((e) => e.channel === "standby"));
    const handover = entries().find((e) => e.ev.take_thread_control)!;
    expect(handover.channel).toBe("messaging");
    expect(handover.ev).toMatchObject({
      sender: { id: user.psid },
      recipient: { id: DEMO.pageId },
      take_thread_control: { previous_owner_app_id: DEMO.appId, new_owner_app_id: PAGE_INBOX_APP_ID, metadata: "agent Ann" },
    });
    const standby = entries().find((e) => e.channel === "standby")!;
    expect(standby.ev.message).toMatchObject({ text: "is anyone there?" });
    expect(entries().filter((e) => e.channel === "messaging" && (e.ev.message as { text?: string } | undefined)?.text === "is anyone there?")).toHaveLength(0);

    expect((await call("GET", `thread_owner?recipient=${user.psid}`)).body.data[0].thread_owner.app_id).toBe(PAGE_INBOX_APP_ID);
    const refused = await send(user.psid);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 10, error_subcode: 2018300 });
    const typing = await graph(sandbox, "POST", `/v21.0/me/messages?${demoToken}`, { recipient: { id: user.psid }, sender_action: "typing_on" });
    expect(typing.body.error.error_subcode).toBe(2018300);
  });

  it("our app asks for the thread, the Page Inbox passes it back: pass_thread_control, then messaging again", async () => {
    const user = engagedUser();
    await control(sandbox, "POST", `/users/${user.psid}/inbox/take`, {});
    expect((await call("POST", "request_thread_control", { recipient: { id: user.psid }, metadata: "customer waiting" })).body).toEqual({ success: true });
    expect((await control(sandbox, "GET", `/users/${user.psid}/thread-owner`)).body.pendingRequest).toMatchObject({ requestedOwnerAppId: DEMO.appId, metadata: "customer waiting" });
    await control(sandbox, "POST", `/users/${user.psid}/inbox/pass`, { metadata: "done" });
    await waitFor(() => entries().some((e) => e.ev.pass_thread_control));
    expect(entries().find((e) => e.ev.pass_thread_control)!.ev.pass_thread_control).toEqual({
      previous_owner_app_id: PAGE_INBOX_APP_ID,
      new_owner_app_id: DEMO.appId,
      metadata: "done",
    });
    expect((await send(user.psid)).status).toBe(200);
    sandbox.controls.users.sendText(user.psid, "thanks");
    await waitFor(() => entries().some((e) => e.channel === "messaging" && (e.ev.message as { text?: string } | undefined)?.text === "thanks"));
  });

  it("our app passes to the Page Inbox and takes the thread back", async () => {
    const user = engagedUser();
    expect((await call("POST", "pass_thread_control", { recipient: { id: user.psid }, target_app_id: PAGE_INBOX_APP_ID, metadata: "needs a human" })).body).toEqual({ success: true });
    expect((await control(sandbox, "GET", `/users/${user.psid}/thread-owner`)).body.isPageInbox).toBe(true);
    // The owner is not us any more: passing again is refused.
    const again = await call("POST", "pass_thread_control", { recipient: { id: user.psid }, target_app_id: PAGE_INBOX_APP_ID });
    expect(again.body.error.code).toBe(200);
    expect((await call("POST", "take_thread_control", { recipient: { id: user.psid }, metadata: "bot again" })).body).toEqual({ success: true });
    expect((await call("GET", `thread_owner?recipient=${user.psid}`)).body.data[0].thread_owner.app_id).toBe(DEMO.appId);
    expect((await send(user.psid)).status).toBe(200);
  });

  it("errors: unknown person 100/2018001, missing or role-less target 100, take without routing 27", async () => {
    const user = engagedUser();
    expect((await call("POST", "pass_thread_control", { recipient: { id: "3999" }, target_app_id: PAGE_INBOX_APP_ID })).body.error).toMatchObject({ code: 100, error_subcode: 2018001 });
    expect((await call("POST", "pass_thread_control", { recipient: { id: user.psid } })).body.error.code).toBe(100);
    expect((await call("POST", "pass_thread_control", { recipient: { id: user.psid }, target_app_id: "2777777777777777" })).body.error.code).toBe(100);
    await control(sandbox, "PUT", `/pages/${DEMO.pageId}/routing`, { routingEnabled: false });
    expect((await call("POST", "take_thread_control", { recipient: { id: user.psid } })).body.error.code).toBe(27);
  });
});

describe("Conversation Routing with a second app", () => {
  it("app roles, request, pass, standby for the primary, sends only by the owner", async () => {
    const second = await startReceiver();
    try {
      const app = await control(sandbox, "POST", "/apps", { name: "Helpdesk", callbackUrl: second.url, verifyToken: "verify-me" });
      const routing = await control(sandbox, "POST", `/pages/${DEMO.pageId}/apps`, { appId: app.body.id });
      const secondToken = `access_token=${routing.body.apps[1].accessToken}`;
      const secondEvents = () => entries(second).filter((e) => e.channel === "messaging").map((e) => e.ev);
      await waitFor(() => secondEvents().some((e) => e.app_roles));
      expect(secondEvents().find((e) => e.app_roles)).toMatchObject({ recipient: { id: DEMO.pageId }, app_roles: { [app.body.id]: ["secondary_receiver"] } });

      const user = engagedUser();
      // Before any handover the second app sees the person's messages on standby, and cannot send.
      await waitFor(() => entries(second).some((e) => e.channel === "standby"));
      expect((await send(user.psid, secondToken)).body.error.error_subcode).toBe(2018300);
      // Only the primary app reads secondary receivers.
      expect((await call("GET", "secondary_receivers", undefined, secondToken)).body.error.code).toBe(200);
      expect((await call("GET", "secondary_receivers")).body.data.map((d: { id: string }) => d.id)).toEqual([app.body.id, PAGE_INBOX_APP_ID]);

      expect((await call("POST", "request_thread_control", { recipient: { id: user.psid }, metadata: "billing" }, secondToken)).body).toEqual({ success: true });
      await waitFor(() => entries().some((e) => e.ev.request_thread_control));
      expect(entries().find((e) => e.ev.request_thread_control)!.ev.request_thread_control).toEqual({ requested_owner_app_id: app.body.id, metadata: "billing" });

      await call("POST", "pass_thread_control", { recipient: { id: user.psid }, target_app_id: app.body.id, metadata: "billing" });
      await waitFor(() => secondEvents().some((e) => e.pass_thread_control));
      expect((await send(user.psid, secondToken)).status).toBe(200);
      expect((await send(user.psid)).body.error.error_subcode).toBe(2018300);
      sandbox.controls.users.sendText(user.psid, "my invoice");
      await waitFor(() => secondEvents().some((e) => (e.message as { text?: string } | undefined)?.text === "my invoice"));
      await waitFor(() => entries().some((e) => e.channel === "standby" && (e.ev.message as { text?: string } | undefined)?.text === "my invoice"));

      // The primary takes it back; the second app hears take_thread_control.
      await call("POST", "take_thread_control", { recipient: { id: user.psid } });
      await waitFor(() => secondEvents().some((e) => e.take_thread_control));
      expect(secondEvents().find((e) => e.take_thread_control)!.take_thread_control).toEqual({ previous_owner_app_id: app.body.id, new_owner_app_id: DEMO.appId });
      // A secondary app cannot take a thread it does not own.
      expect((await call("POST", "take_thread_control", { recipient: { id: user.psid } }, secondToken)).body.error.code).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe("Conversation Routing survives a restart", () => {
  it("keeps connected apps with their tokens, thread owners and saved attachments", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sandbox-routing-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await withSandbox({ stateFile });
      const app = await control(first, "POST", "/apps", { name: "Helpdesk" });
      const routing = await control(first, "POST", `/pages/${DEMO.pageId}/apps`, { appId: app.body.id });
      const user = first.controls.users.createUser(DEMO.pageId);
      await control(first, "POST", `/users/${user.psid}/inbox/take`, {});
      const saved = await graph(first, "POST", `/v21.0/me/message_attachments?${demoToken}`, {
        message: { attachment: { type: "image", payload: { url: "https://example.com/kept.png", is_reusable: true } } },
      });
      await first.close();
      const second = await withSandbox({ stateFile });
      try {
        const secondToken = routing.body.apps[1].accessToken as string;
        const owner = await graph(second, "GET", `/v21.0/me/thread_owner?recipient=${user.psid}&access_token=${secondToken}`);
        expect(owner.body).toEqual({ data: [{ thread_owner: { app_id: PAGE_INBOX_APP_ID } }] });
        expect(second.state.attachments.get(saved.body.attachment_id)?.url).toBe("https://example.com/kept.png");
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
