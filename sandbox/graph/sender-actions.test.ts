import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { control, graph, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
beforeEach(() => sandbox.core.reset());
afterAll(() => sandbox.close());

const act = (psid: string, sender_action: string) => graph(sandbox, "POST", `/v21.0/me/messages?access_token=${DEMO.pageAccessToken}`, { recipient: { id: psid }, sender_action });
const state = async (psid: string) => (await control(sandbox, "GET", `/users/${psid}/sender-actions`)).body;

function engagedUser() {
  const user = sandbox.controls.users.createUser(DEMO.pageId);
  sandbox.controls.users.sendText(user.psid, "hi");
  return user;
}

describe("sender actions in the person's thread", () => {
  it("typing_on shows the bubble until typing_off", async () => {
    const user = engagedUser();
    expect((await act(user.psid, "typing_on")).body).toEqual({ recipient_id: user.psid });
    expect(await state(user.psid)).toMatchObject({ typing: true, typingSince: expect.any(Number) });
    await act(user.psid, "typing_off");
    expect((await state(user.psid)).typing).toBe(false);
  });

  it("a message replaces the typing bubble, and it fades by itself after 20 s", async () => {
    const user = engagedUser();
    await act(user.psid, "typing_on");
    await graph(sandbox, "POST", `/v21.0/me/messages?access_token=${DEMO.pageAccessToken}`, { recipient: { id: user.psid }, message: { text: "Here" } });
    expect((await state(user.psid)).typing).toBe(false);
    await act(user.psid, "typing_on");
    sandbox.controls.clock.advance(19_000);
    expect((await state(user.psid)).typing).toBe(true);
    sandbox.controls.clock.advance(2_000);
    expect((await state(user.psid)).typing).toBe(false);
  });

  it("mark_seen marks what the person sent as seen; the thread answer carries it, and every action is recorded with its app", async () => {
    const user = engagedUser();
    await act(user.psid, "mark_seen");
    const thread = (await control(sandbox, "GET", `/users/${user.psid}/thread`)).body;
    expect(thread.senderActions.seenAt).toBeGreaterThanOrEqual(thread.data[0].timestamp);
    expect(thread.senderActions.history).toEqual([{ action: "mark_seen", at: expect.any(Number), appId: DEMO.appId }]);
    expect(thread.owner).toMatchObject({ appId: DEMO.appId });
    // Sender actions leave no message in the thread.
    expect(thread.data.filter((m: { direction: string }) => m.direction === "out")).toHaveLength(0);
  });

  it("refuses an unknown action with 100 and one outside the window with 10/2018278", async () => {
    const user = engagedUser();
    expect((await act(user.psid, "dance")).body.error.code).toBe(100);
    sandbox.controls.clock.advance(25 * 3_600_000);
    expect((await act(user.psid, "typing_on")).body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });
});
