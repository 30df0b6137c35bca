import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../clock";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { control, graph, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
beforeEach(() => sandbox.core.reset());
afterAll(() => sandbox.close());

const MINUTE_MS = 60_000;
const send = (body: unknown, token: string = DEMO.pageAccessToken) => graph(sandbox, "POST", `/v21.0/me/messages?access_token=${token}`, body);

function engagedUser() {
  const user = sandbox.controls.users.createUser(DEMO.pageId);
  sandbox.controls.users.sendText(user.psid, "hi");
  return user;
}
const tagged = (psid: string, tag: string) => ({ recipient: { id: psid }, messaging_type: "MESSAGE_TAG", tag, message: { text: "An update" } });
const response = (psid: string) => ({ recipient: { id: psid }, messaging_type: "RESPONSE", message: { text: "Reply" } });

describe("message tags in 2026", () => {
  it("refuses the retired tags and any unknown tag with 100 Invalid parameter", async () => {
    const user = engagedUser();
    for (const tag of ["CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE", "NON_PROMOTIONAL_SUBSCRIPTION", "human_agent"]) {
      const res = await send(tagged(user.psid, tag));
      expect(res.status, tag).toBe(400);
      expect(res.body.error, tag).toMatchObject({ code: 100, message: "(#100) Invalid parameter" });
    }
    expect((await send({ recipient: { id: user.psid }, messaging_type: "MESSAGE_TAG", message: { text: "x" } })).body.error.code).toBe(100);
    expect(sandbox.state.thread(user.psid).filter((m) => m.direction === "out")).toHaveLength(0);
  });

  it("accepts HUMAN_AGENT from an app with the Human Agent permission, refuses it with 10 without", async () => {
    const user = engagedUser();
    expect((await send(tagged(user.psid, "HUMAN_AGENT"))).status).toBe(200);
    const revoked = await control(sandbox, "PUT", `/apps/${DEMO.appId}/permissions`, { humanAgent: false });
    expect(revoked.body.humanAgentPermission).toBe(false);
    const refused = await send(tagged(user.psid, "HUMAN_AGENT"));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 10, message: "(#10) Application does not have permission for this action" });
    // A plain reply inside the window does not need the permission.
    expect((await send(response(user.psid))).status).toBe(200);
  });

  it("new apps have no Human Agent permission unless created with it", async () => {
    const plain = await control(sandbox, "POST", "/apps", { name: "Bot" });
    const reviewed = await control(sandbox, "POST", "/apps", { name: "Desk", humanAgentPermission: true });
    expect(plain.body.humanAgentPermission).toBe(false);
    expect(reviewed.body.humanAgentPermission).toBe(true);
    for (const [app, status] of [[plain.body, 400], [reviewed.body, 200]] as const) {
      const page = await control(sandbox, "POST", "/pages", { appId: app.id });
      const user = sandbox.controls.users.createUser(page.body.id);
      sandbox.controls.users.sendText(user.psid, "hello");
      expect((await send(tagged(user.psid, "HUMAN_AGENT"), page.body.accessToken)).status).toBe(status);
    }
  });
});

describe("the 24 hour and 7 day windows on the sandbox clock", () => {
  it("a plain reply goes at 23 h 59 and fails at 24 h 01 with 10/2018278", async () => {
    const user = engagedUser();
    sandbox.controls.clock.advance(23 * HOUR_MS + 59 * MINUTE_MS);
    expect((await send(response(user.psid))).status).toBe(200);
    sandbox.controls.clock.advance(2 * MINUTE_MS);
    const late = await send(response(user.psid));
    expect(late.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it("HUMAN_AGENT goes at 6 days 23 h and fails at 7 days 01 h with 10/2018278", async () => {
    const user = engagedUser();
    sandbox.controls.clock.advance(6 * DAY_MS + 23 * HOUR_MS);
    expect((await send(tagged(user.psid, "HUMAN_AGENT"))).status).toBe(200);
    expect((await send(response(user.psid))).body.error.error_subcode).toBe(2018278);
    sandbox.controls.clock.advance(2 * HOUR_MS);
    expect((await send(tagged(user.psid, "HUMAN_AGENT"))).body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it("the person writing again reopens the window", async () => {
    const user = engagedUser();
    sandbox.controls.clock.advance(8 * DAY_MS);
    expect((await send(response(user.psid))).status).toBe(400);
    sandbox.controls.users.sendText(user.psid, "back");
    expect((await send(response(user.psid))).status).toBe(200);
  });
});
