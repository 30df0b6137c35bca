/**
 * Fidelity of the Conversation Routing events: messaging_handovers (pass, take, request, app_roles) and
 * the standby envelope have the structure of Meta's documented examples (sandbox/fixtures).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { PAGE_INBOX_APP_ID } from "../state/types";
import { control, graph, startReceiver, waitFor, withSandbox } from "../testing/harness";

const fixtures = JSON.parse(readFileSync(path.join(import.meta.dirname, "../fixtures/meta-webhook-examples.json"), "utf8")) as Record<string, unknown>;

function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [shape(value[0])];
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape((value as Record<string, unknown>)[k])]));
  }
  return typeof value;
}
/** app_roles is keyed by app id: compare with the key normalised. */
const normaliseRoles = (event: Record<string, any>) => ({ ...event, app_roles: { APP: Object.values(event.app_roles)[0] } });

let sandbox: RunningSandbox;
let primary: Awaited<ReturnType<typeof startReceiver>>;
let second: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sandbox = await withSandbox();
  primary = await startReceiver();
  second = await startReceiver();
  await control(sandbox, "PUT", `/apps/${DEMO.appId}/webhook`, { callbackUrl: primary.url, verifyToken: "verify-me" });
});
afterAll(async () => {
  await sandbox.close();
  await primary.close();
  await second.close();
});

const rawEvents = (r: Awaited<ReturnType<typeof startReceiver>>) =>
  r.received.flatMap((d) => (d.json.entry as unknown as Record<string, Record<string, any>[]>[]).flatMap((e) => e.messaging ?? []));

describe("Conversation Routing payloads match Meta's documented examples", () => {
  it("pass, take, request, app_roles and the standby envelope", async () => {
    const app = await control(sandbox, "POST", "/apps", { callbackUrl: second.url, verifyToken: "verify-me" });
    const routing = await control(sandbox, "POST", `/pages/${DEMO.pageId}/apps`, { appId: app.body.id });
    const user = sandbox.controls.users.createUser(DEMO.pageId);
    sandbox.controls.users.sendText(user.psid, "hello, world!");
    const token = `access_token=${DEMO.pageAccessToken}`;
    const secondToken = `access_token=${routing.body.apps[1].accessToken}`;
    await graph(sandbox, "POST", `/v21.0/me/request_thread_control?${secondToken}`, { recipient: { id: user.psid }, metadata: "m" });
    await graph(sandbox, "POST", `/v21.0/me/pass_thread_control?${token}`, { recipient: { id: user.psid }, target_app_id: app.body.id, metadata: "m" });
    await graph(sandbox, "POST", `/v21.0/me/take_thread_control?${token}`, { recipient: { id: user.psid }, metadata: "m" });
    await control(sandbox, "POST", `/users/${user.psid}/inbox/take`, {});
    sandbox.controls.users.sendText(user.psid, "anyone?");

    const find = (r: typeof primary, key: string) => waitFor(() => rawEvents(r).find((e) => e[key]));
    expect(shape(normaliseRoles(await find(second, "app_roles")))).toEqual(shape(normaliseRoles(fixtures.handover_app_roles as Record<string, any>)));
    expect(shape(await find(primary, "request_thread_control"))).toEqual(shape(fixtures.handover_request_thread_control));
    expect(shape(await find(second, "pass_thread_control"))).toEqual(shape(fixtures.handover_pass_thread_control));
    expect(shape(await find(second, "take_thread_control"))).toEqual(shape(fixtures.handover_take_thread_control));
    const taken = await find(primary, "take_thread_control");
    expect(taken.take_thread_control.new_owner_app_id).toBe(PAGE_INBOX_APP_ID);

    const standby = await waitFor(() =>
      primary.received.find((d) => (d.json.entry as unknown as Record<string, any>[]).some((e) => e.standby?.[0]?.message?.text === "anyone?")),
    );
    const entry = (standby.json.entry as unknown as Record<string, any>[]).find((e) => e.standby)!;
    expect(shape({ object: standby.json.object, entry: [entry] })).toEqual(shape(fixtures.standby_envelope));
  });
});
