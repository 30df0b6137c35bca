/**
 * Live updates through the database: what one writer publishes reaches the open streams of its
 * organisation whose members may see it, only once the writer's transaction commits.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db/client";
import { useTestDatabase } from "@/tests/db";
import { eventStreamResponse, publishRealtime, RealtimeHub, type RealtimeEvent } from "./index";
import { STREAMS_PER_SLICE } from "./hub";

useTestDatabase();

const ORG_A = "00000000-0000-4000-8000-00000000000a";
const ORG_B = "00000000-0000-4000-8000-00000000000b";
const event = (orgId: string, extra: Partial<RealtimeEvent> = {}): RealtimeEvent => ({ type: "message.created", orgId, conversationId: "c1", channelId: "ch1", at: Date.now(), ...extra });

const hubs: RealtimeHub[] = [];
async function newHub(limits?: { perUser: number; total: number }): Promise<RealtimeHub> {
  const handle = await getDatabase();
  const hub = new RealtimeHub((channel, onPayload) => handle.listen(channel, onPayload), limits);
  hubs.push(hub);
  return hub;
}
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

/** Collects what a subscriber receives; `next(n)` waits until n events have arrived. */
function collector(orgId: string, userId = "u1", accepts: (e: RealtimeEvent) => boolean = () => true) {
  const received: RealtimeEvent[] = [];
  const waiters: (() => void)[] = [];
  return {
    received,
    subscriber: { orgId, userId, accepts, deliver: (events: readonly RealtimeEvent[]) => (received.push(...events), waiters.splice(0).forEach((w) => w())) },
    async next(count: number, timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`received ${received.length} of ${count} events`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received;
    },
  };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("the realtime hub", () => {
  it("delivers an event published in a transaction after it commits, and nothing from one rolled back", async () => {
    const hub = await newHub();
    const c = collector(ORG_A);
    await hub.subscribe(c.subscriber);
    const db = await getDb();

    await db
      .transaction(async (tx) => {
        await publishRealtime(tx, event(ORG_A, { conversationId: "rolled-back" }));
        throw new Error("abort");
      })
      .catch(() => undefined);
    await db.transaction(async (tx) => {
      await publishRealtime(tx, event(ORG_A, { conversationId: "committed" }));
      await settle();
      expect(c.received).toHaveLength(0);
    });
    await c.next(1);
    await settle();
    expect(c.received.map((e) => e.conversationId)).toEqual(["committed"]);
  });

  it("hands an organisation's events only to its own streams, and only to members who may see them", async () => {
    const hub = await newHub();
    const adminOfA = collector(ORG_A, "admin");
    const agentOfA = collector(ORG_A, "agent", (e) => e.channelId === "ch-of-agent");
    const memberOfB = collector(ORG_B, "b");
    for (const c of [adminOfA, agentOfA, memberOfB]) await hub.subscribe(c.subscriber);
    const db = await getDb();

    await publishRealtime(db, [event(ORG_A, { channelId: "ch-other" }), event(ORG_A, { channelId: "ch-of-agent" })]);
    await adminOfA.next(2);
    await agentOfA.next(1);
    await settle();
    expect(adminOfA.received.map((e) => e.channelId)).toEqual(["ch-other", "ch-of-agent"]);
    expect(agentOfA.received.map((e) => e.channelId)).toEqual(["ch-of-agent"]);
    expect(memberOfB.received).toEqual([]);
  });

  it("ignores a NOTIFY on its channel that is not one of its events", async () => {
    const hub = await newHub();
    const c = collector(ORG_A);
    await hub.subscribe(c.subscriber);
    const handle = await getDatabase();
    await handle.exec(`select pg_notify('md_realtime', 'not json'); select pg_notify('md_realtime', '{"type":"drop.tables","orgId":"${ORG_A}","at":1}')`);
    await publishRealtime(await getDb(), event(ORG_A));
    await c.next(1);
    await settle();
    expect(c.received.map((e) => e.type)).toEqual(["message.created"]);
  });

  it("refuses a user's stream past the per-user limit (429) and any stream past the instance's (503), and counts closed ones out", async () => {
    const hub = await newHub({ perUser: 2, total: 3 });
    const first = await hub.subscribe(collector(ORG_A, "u1").subscriber);
    await hub.subscribe(collector(ORG_A, "u1").subscriber);
    await expect(hub.subscribe(collector(ORG_A, "u1").subscriber)).rejects.toMatchObject({ status: 429 });
    await hub.subscribe(collector(ORG_A, "u2").subscriber);
    await expect(hub.subscribe(collector(ORG_A, "u3").subscriber)).rejects.toMatchObject({ status: 503 });
    first();
    first();
    expect(hub.connections).toBe(2);
    await hub.subscribe(collector(ORG_A, "u1").subscriber);
    expect(hub.connections).toBe(3);
  });
});

describe("the event stream a browser reads", () => {
  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string, timeoutMs = 3_000): Promise<string> {
    const decoder = new TextDecoder();
    let text = "";
    const deadline = Date.now() + timeoutMs;
    while (!text.includes(needle)) {
      if (Date.now() > deadline) throw new Error(`stream said ${JSON.stringify(text)}, not ${needle}`);
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    return text;
  }

  it("opens with ready, then carries each event named by its type, and ends when the browser goes away", async () => {
    const hub = await newHub();
    const abort = new AbortController();
    const response = await eventStreamResponse({ hub, orgId: ORG_A, userId: "u1", accepts: () => true, signal: abort.signal });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body!.getReader();
    expect(await readUntil(reader, "event: ready")).toContain("retry: 3000");

    await publishRealtime(await getDb(), event(ORG_A, { type: "conversation.updated", conversationId: "c42", assigneeMembershipId: "m7" }));
    const text = await readUntil(reader, "c42");
    const data = /event: conversation\.updated\ndata: (.*)\n\n/.exec(text);
    expect(JSON.parse(data![1]!)).toMatchObject({ type: "conversation.updated", orgId: ORG_A, conversationId: "c42", assigneeMembershipId: "m7" });

    expect(hub.connections).toBe(1);
    abort.abort();
    expect(hub.connections).toBe(0);
    expect((await reader.read()).done).toBe(true);
  });

  it("closes a stream whose browser stops reading instead of queueing without bound", async () => {
    const hub = await newHub();
    const response = await eventStreamResponse({ hub, orgId: ORG_A, userId: "u1", accepts: () => true, signal: new AbortController().signal, maxQueuedBytes: 1024 });
    expect(response.body).not.toBeNull();
    // Each flush is one chunk of about 1 KB: the second one past the cap closes the stream.
    for (let flush = 0; flush < 3; flush++) {
      for (let i = 0; i < 8; i++) hub.dispatch(JSON.stringify(event(ORG_A)));
      await hub.flush();
    }
    expect(hub.connections).toBe(0);
  });

  it("hands a burst to each stream in one call, in order, each stream only what it may hear", async () => {
    const hub = await newHub();
    const calls: { a: string[][]; b: string[][] } = { a: [], b: [] };
    await hub.subscribe({ orgId: ORG_A, userId: "a", accepts: () => true, deliver: (events) => calls.a.push(events.map((e) => e.conversationId!)) });
    await hub.subscribe({ orgId: ORG_A, userId: "b", accepts: (e) => e.conversationId !== "c2", deliver: (events) => calls.b.push(events.map((e) => e.conversationId!)) });
    for (const id of ["c1", "c2", "c3"]) hub.dispatch(JSON.stringify(event(ORG_A, { conversationId: id })));
    hub.dispatch(JSON.stringify(event(ORG_B, { conversationId: "other-org" })));
    expect(calls.a).toEqual([]);
    await hub.flush();
    expect(calls).toEqual({ a: [["c1", "c2", "c3"]], b: [["c1", "c3"]] });
  });

  it("hands a burst to many streams a slice at a time, letting other work in between, and each stream hears every flush once and in order", async () => {
    const hub = await newHub();
    const streams = 3 * STREAMS_PER_SLICE + 5;
    const heard: string[][] = Array.from({ length: streams }, () => []);
    const timeline: string[] = [];
    for (let i = 0; i < streams; i++) {
      await hub.subscribe({ orgId: ORG_A, userId: `u${i}`, accepts: () => true, deliver: (events) => (heard[i]!.push(...events.map((e) => e.conversationId!)), timeline.push("stream")) });
    }
    hub.dispatch(JSON.stringify(event(ORG_A, { conversationId: "first" })));
    // Work that arrives while the flush is under way (a webhook POST): it runs before the last stream is served.
    setImmediate(() => timeline.push("other work"));
    const first = hub.flush();
    hub.dispatch(JSON.stringify(event(ORG_A, { conversationId: "second" })));
    const second = hub.flush();
    await Promise.all([first, second]);
    expect(timeline.indexOf("other work")).toBeGreaterThan(0);
    expect(timeline.indexOf("other work")).toBeLessThan(streams);
    expect(heard.every((ids) => ids.join() === "first,second")).toBe(true);
  });

  it("writes the same bytes to every stream that hears the whole flush", async () => {
    const hub = await newHub();
    const readers = await Promise.all(
      ["u1", "u2"].map(async (userId) => (await eventStreamResponse({ hub, orgId: ORG_A, userId, accepts: () => true, signal: new AbortController().signal })).body!.getReader()),
    );
    for (const reader of readers) await readUntil(reader, "event: ready");
    for (const id of ["c1", "c2"]) hub.dispatch(JSON.stringify(event(ORG_A, { conversationId: id })));
    await hub.flush();
    const [a, b] = await Promise.all(readers.map((reader) => readUntil(reader, "c2")));
    expect(a).toBe(b);
    expect(a.match(/event: message\.created\n/g)).toHaveLength(2);
  });

  it("ends after its maximum age, so the browser reconnects and is checked again", async () => {
    const hub = await newHub();
    const response = await eventStreamResponse({ hub, orgId: ORG_A, userId: "u1", accepts: () => true, signal: new AbortController().signal, maxAgeMs: 100 });
    const reader = response.body!.getReader();
    await readUntil(reader, "event: ready");
    expect((await reader.read()).done).toBe(true);
    expect(hub.connections).toBe(0);
  });
});
