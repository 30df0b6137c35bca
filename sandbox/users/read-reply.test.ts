import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { control, graph, waitFor, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
beforeEach(() => sandbox.core.reset());
afterAll(() => sandbox.close());

const pageSays = (psid: string, text: string) =>
  graph(sandbox, "POST", `/v21.0/me/messages?access_token=${DEMO.pageAccessToken}`, { recipient: { id: psid }, message: { text } });

async function engagedUser() {
  const { body } = await control(sandbox, "POST", `/pages/${DEMO.pageId}/users`, { inWindow: true });
  return body.psid as string;
}
const fields = async (psid: string) => ((await control(sandbox, "GET", `/webhook-events?psid=${psid}`)).body.data as { field: string; event: any }[]);

describe("people who read and reply", () => {
  it("read-and-reply: delivery and read watermarks, then a text and an image", async () => {
    const psid = await engagedUser();
    const sent = await pageSays(psid, "Your order shipped");
    const res = await control(sandbox, "POST", `/users/${psid}/read-and-reply`, { text: "Thanks!", imageUrl: "https://example.com/receipt.jpg" });
    expect(res.body.delivered).toEqual([sent.body.message_id]);
    expect(res.body.watermark).toBeGreaterThan(0);
    expect(res.body.replies).toHaveLength(2);
    const events = await fields(psid);
    expect(events.map((e) => e.field)).toEqual(["message_deliveries", "message_reads", "messages", "messages"]);
    expect(events[0].event.delivery).toEqual({ mids: [sent.body.message_id], watermark: expect.any(Number) });
    expect(events[2].event.message.text).toBe("Thanks!");
    expect(events[3].event.message.attachments).toEqual([{ type: "image", payload: { url: "https://example.com/receipt.jpg" } }]);
    expect(sandbox.state.thread(psid).find((m) => m.mid === sent.body.message_id)).toMatchObject({ deliveredAt: expect.any(Number), readAt: expect.any(Number) });
  });

  it("read: false replies without receipts", async () => {
    const psid = await engagedUser();
    await pageSays(psid, "Hello");
    await control(sandbox, "POST", `/users/${psid}/read-and-reply`, { read: false, text: "Hi" });
    expect((await fields(psid)).map((e) => e.field)).toEqual(["messages"]);
  });

  it("automatic mode: reads after N ms and answers once per burst with the canned text, until turned off", async () => {
    const psid = await engagedUser();
    const auto = await control(sandbox, "PUT", `/users/${psid}/auto`, { readAfterMs: 10, replyText: "OK, thanks", replyAfterMs: 400 });
    expect(auto.body.auto).toEqual({ readAfterMs: 10, replyText: "OK, thanks", replyImageUrl: null, replyAfterMs: 400 });
    await pageSays(psid, "one");
    await pageSays(psid, "two");
    await waitFor(() => sandbox.state.thread(psid).some((m) => m.direction === "in" && m.message?.text === "OK, thanks"));
    const thread = sandbox.state.thread(psid);
    expect(thread.filter((m) => m.direction === "out").every((m) => m.readAt)).toBe(true);
    expect(thread.filter((m) => m.message?.text === "OK, thanks")).toHaveLength(1);

    await control(sandbox, "PUT", `/users/${psid}/auto`, { enabled: false });
    expect((await control(sandbox, "GET", `/users/${psid}/auto`)).body.auto).toBeNull();
    await pageSays(psid, "three");
    await new Promise((r) => setTimeout(r, 80));
    expect(sandbox.state.thread(psid).filter((m) => m.message?.text === "OK, thanks")).toHaveLength(1);
  });

  it("automatic mode for many people of a Page at once", async () => {
    const a = await engagedUser();
    const b = await engagedUser();
    expect((await control(sandbox, "PUT", `/pages/${DEMO.pageId}/users/auto`, { readAfterMs: 5 })).body).toEqual({ count: 2, enabled: true });
    await pageSays(a, "hello a");
    await pageSays(b, "hello b");
    await waitFor(() => [a, b].every((psid) => sandbox.state.thread(psid).some((m) => m.direction === "out" && m.readAt)));
    // Reading only: nobody replied.
    expect([a, b].flatMap((psid) => sandbox.state.thread(psid).filter((m) => m.direction === "in" && m.message))).toHaveLength(0);
  });
});
