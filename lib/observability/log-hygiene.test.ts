/**
 * What the log holds after a person writes to a Page and an agent answers through the API: a JSON line per
 * request with its id, organisation, route, status and duration, and never the Page token, the app secret,
 * the API key or either message's words. Meta's webhook is the real route (the sandbox delivers to it over
 * HTTP); the reply is the real API route, and its Send API call goes to the sandbox.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { NextApiRequest, NextApiResponse } from "next";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversations } from "@/db/schema";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import perPageWebhook from "@/pages/api/facebook/webhook/[pageId]";
import { DEMO, startSandbox, type RunningSandbox } from "@/sandbox/server";
import { callApi, createKeys } from "@/tests/api-v1";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { captureLogOutput } from "./logger";

// Processing runs as a workflow in the app; here it runs right after the webhook's answer, in this process.
vi.mock("@/lib/services/webhook", async (importOriginal) => {
  const webhook = await importOriginal<typeof import("@/lib/services/webhook")>();
  return {
    ...webhook,
    dispatchStoredEvents: async (stored: { id: string; orgId: string; channelId: string }[]) => {
      const byChannel = new Map<string, { orgId: string; ids: string[] }>();
      for (const s of stored) byChannel.set(s.channelId, { orgId: s.orgId, ids: [...(byChannel.get(s.channelId)?.ids ?? []), s.id] });
      for (const [channelId, { orgId, ids }] of byChannel) await webhook.processStoredWebhookEvents({ orgId, channelId }, ids);
    },
  };
});

useTestDatabase();

const PERSON_WROTE = "Parcel ZX-7731 never arrived at 12 Quiet Lane";
const AGENT_REPLIED = "Sorry Mei, courier ref QQ-5521 reships it today";

let fixture: OrgFixture;
let apiKey: string;
let app: http.Server;
let sandbox: RunningSandbox;
const previousGraphUrl = process.env.GRAPH_API_URL;

beforeAll(async () => {
  fixture = await createOrgFixture();
  apiKey = (await createKeys(fixture)).admin;
  // The app's webhook route as Next calls it after the rewrite (the Page id in the query).
  app = http.createServer((req, res) => {
    const match = /^\/facebook\/webhook\/([^/?]+)/.exec(req.url ?? "");
    if (!match) return void res.writeHead(404).end();
    Object.assign(req, { query: { pageId: match[1] } });
    void perPageWebhook(req as NextApiRequest, res as NextApiResponse);
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  sandbox = await startSandbox({ port: 0, appUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}` });
  process.env.GRAPH_API_URL = sandbox.url;
  const group = await createSkillGroup({ ctx: fixture.as.owner, input: { name: "Support" } });
  await createChannel({
    ctx: fixture.as.owner,
    input: { name: "Demo Page", pageId: DEMO.pageId, pageAccessToken: DEMO.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.id },
  });
});

afterAll(async () => {
  if (previousGraphUrl === undefined) delete process.env.GRAPH_API_URL;
  else process.env.GRAPH_API_URL = previousGraphUrl;
  await sandbox?.close();
  app?.closeAllConnections();
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
});

async function conversationOf(psid: string): Promise<string | undefined> {
  const db = await getDb();
  const [row] = await db.select({ id: conversations.id }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(eq(contacts.psid, psid));
  return row?.id;
}

describe("the log of a webhook delivery and a reply", () => {
  it("has one line per request with id, organisation, route, status and duration, and no token, secret or message text", async () => {
    const log = captureLogOutput("debug");
    let conversationId: string | undefined;
    let reply;
    try {
      const person = sandbox.controls.users.createUser(DEMO.pageId, { firstName: "Mei" });
      sandbox.controls.users.sendText(person.psid, PERSON_WROTE);
      await sandbox.controls.webhooks.idle();
      for (let i = 0; i < 50 && !conversationId; i++) {
        conversationId = await conversationOf(person.psid);
        if (!conversationId) await new Promise((r) => setTimeout(r, 100));
      }
      expect(conversationId).toBeDefined();
      reply = await callApi({ method: "POST", path: "/conversations/{conversationId}/messages" }, { key: apiKey, params: { conversationId: conversationId! }, body: { text: AGENT_REPLIED } });
      await sandbox.controls.webhooks.idle();
    } finally {
      log.stop();
    }
    expect(reply.status).toBe(201);
    // The words did travel: Meta got the reply (so the test would see them, had they been logged).
    expect(sandbox.controls.sendLog.query({}).records.some((r) => JSON.stringify(r).includes("QQ-5521"))).toBe(true);

    const lines = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const webhookLine = lines.find((l) => l.route === `/facebook/webhook/${DEMO.pageId}` && l.method === "POST");
    expect(webhookLine).toMatchObject({ level: "info", msg: "request", status: 200, requestId: expect.any(String), durationMs: expect.any(Number), time: expect.any(String) });
    const replyLine = lines.find((l) => l.route === `/api/v1/conversations/${conversationId}/messages`);
    expect(replyLine).toMatchObject({ level: "info", method: "POST", status: 201, orgId: fixture.org.id, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), durationMs: expect.any(Number) });

    const text = log.text();
    for (const secret of [DEMO.pageAccessToken, DEMO.appSecret, apiKey, PERSON_WROTE, "ZX-7731", AGENT_REPLIED, "QQ-5521", "Quiet Lane"]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
