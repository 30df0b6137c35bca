import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS } from "../clock";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { control, graph, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
beforeEach(() => sandbox.core.reset());
afterAll(() => sandbox.close());

const token = `access_token=${DEMO.pageAccessToken}`;
const upload = (body: unknown, path = `/v21.0/${DEMO.pageId}/message_attachments`) => graph(sandbox, "POST", `${path}?${token}`, body);
const send = (body: unknown) => graph(sandbox, "POST", `/v21.0/me/messages?${token}`, body);

function engagedUser() {
  const user = sandbox.controls.users.createUser(DEMO.pageId);
  sandbox.controls.users.sendText(user.psid, "hi");
  return user;
}

describe("Attachment Upload API", () => {
  it("saves a file from a URL and answers its attachment_id, on /{page-id} and /me", async () => {
    const body = { message: { attachment: { type: "image", payload: { url: "https://example.com/cat.jpg", is_reusable: true } } } };
    const byPage = await upload(body);
    expect(byPage.status).toBe(200);
    expect(byPage.body).toEqual({ attachment_id: expect.stringMatching(/^\d+$/) });
    const byMe = await upload(body, "/v21.0/me/message_attachments");
    expect(byMe.body.attachment_id).toMatch(/^\d+$/);
    expect(byMe.body.attachment_id).not.toBe(byPage.body.attachment_id);
  });

  it("accepts a multipart upload (filedata) and serves the file to the person's Messenger", async () => {
    const form = new FormData();
    form.set("message", JSON.stringify({ attachment: { type: "file", payload: { is_reusable: true } } }));
    form.set("filedata", new Blob([new TextEncoder().encode("%PDF-1.4 invoice")], { type: "application/pdf" }), "invoice.pdf");
    const res = await fetch(`${sandbox.url}/v21.0/me/message_attachments?${token}`, { method: "POST", body: form });
    const json = (await res.json()) as { attachment_id: string };
    expect(res.status).toBe(200);
    const user = engagedUser();
    const sent = await send({ recipient: { id: user.psid }, message: { attachment: { type: "file", payload: { attachment_id: json.attachment_id } } } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const thread = (await control(sandbox, "GET", `/users/${user.psid}/thread`)).body.data as { direction: string; message?: any }[];
    const payload = thread.at(-1)!.message.attachment.payload;
    expect(payload.attachment_id).toBe(json.attachment_id);
    const file = await fetch(payload.url);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(await file.text()).toBe("%PDF-1.4 invoice");
  });

  it("a send by attachment_id shows the saved image to the person", async () => {
    const { body } = await upload({ message: { attachment: { type: "image", payload: { url: "https://example.com/cat.jpg", is_reusable: true } } } });
    const user = engagedUser();
    const sent = await send({ recipient: { id: user.psid }, message: { attachment: { type: "image", payload: { attachment_id: body.attachment_id } } } });
    expect(sent.body).toEqual({ recipient_id: user.psid, message_id: expect.stringMatching(/^m_/) });
    expect(sandbox.state.thread(user.psid).at(-1)!.message).toEqual({
      attachment: { type: "image", payload: { attachment_id: body.attachment_id, url: "https://example.com/cat.jpg" } },
    });
  });

  it("refuses an unknown, expired or another Page's attachment_id with 100", async () => {
    const user = engagedUser();
    const byId = (id: string) => send({ recipient: { id: user.psid }, message: { attachment: { type: "image", payload: { attachment_id: id } } } });
    const unknown = await byId("5999999999999999");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 100, type: "OAuthException" });
    expect(unknown.body.error.message).toMatch(/^\(#100\) Invalid attachment_id/);

    const other = await control(sandbox, "POST", "/pages", { appId: DEMO.appId });
    const foreign = await graph(sandbox, "POST", `/v21.0/me/message_attachments?access_token=${other.body.accessToken}`, {
      message: { attachment: { type: "image", payload: { url: "https://example.com/x.png", is_reusable: true } } },
    });
    expect((await byId(foreign.body.attachment_id)).body.error.code).toBe(100);

    const mine = await upload({ message: { attachment: { type: "image", payload: { url: "https://example.com/y.png", is_reusable: true } } } });
    sandbox.controls.clock.advance(91 * DAY_MS);
    sandbox.controls.users.sendText(user.psid, "still there?");
    expect((await byId(mine.body.attachment_id)).body.error.code).toBe(100);
  });

  it("a send with a url works, and with is_reusable answers the attachment_id too", async () => {
    const user = engagedUser();
    const plain = await send({ recipient: { id: user.psid }, message: { attachment: { type: "image", payload: { url: "https://example.com/a.png" } } } });
    expect(Object.keys(plain.body).sort()).toEqual(["message_id", "recipient_id"]);
    const reusable = await send({ recipient: { id: user.psid }, message: { attachment: { type: "video", payload: { url: "https://example.com/v.mp4", is_reusable: true } } } });
    expect(reusable.body.attachment_id).toMatch(/^\d+$/);
    const again = await send({ recipient: { id: user.psid }, message: { attachment: { type: "video", payload: { attachment_id: reusable.body.attachment_id } } } });
    expect(again.status).toBe(200);
  });

  it("refuses an upload without a valid type or source with 100", async () => {
    expect((await upload({ message: { attachment: { type: "template", payload: { url: "https://example.com/a.png" } } } })).body.error.code).toBe(100);
    expect((await upload({ message: { attachment: { type: "image", payload: { is_reusable: true } } } })).body.error.code).toBe(100);
    expect((await upload({})).body.error.code).toBe(100);
  });
});
