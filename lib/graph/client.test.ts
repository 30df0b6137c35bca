import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@/sandbox/state/demo";
import { withSandbox } from "@/sandbox/testing/harness";
import type { RunningSandbox } from "@/sandbox/server";
import { GraphClient } from "./client";
import { GraphError, GraphNetworkError } from "./errors";

/** A local server that answers every request with `reply` and remembers what it was asked. */
async function fakeGraph(reply: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      reply(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("GraphClient", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await withSandbox();
  });
  afterAll(() => sandbox.close());

  it("reads the Page a token belongs to, through the base URL it is given", async () => {
    const graph = new GraphClient({ baseUrl: sandbox.url });
    expect(await graph.getTokenPage(DEMO.pageAccessToken)).toMatchObject({ id: DEMO.pageId });
  });

  it("sends the token in the Authorization header and the body as JSON, never the token in the URL", async () => {
    const server = await fakeGraph((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"recipient_id":"1","message_id":"m_1"}'));
    try {
      const answer = await new GraphClient({ baseUrl: server.url, version: "v22.0" }).sendMessage("123", "secret-token", { recipient: { id: "1" }, message: { text: "héllo ☕" } });
      expect(answer).toEqual({ recipient_id: "1", message_id: "m_1" });
      const [call] = server.seen;
      expect(call.method).toBe("POST");
      expect(call.url).toBe("/v22.0/123/messages");
      expect(call.headers.authorization).toBe("Bearer secret-token");
      expect(call.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(call.body)).toEqual({ recipient: { id: "1" }, message: { text: "héllo ☕" } });
    } finally {
      await server.close();
    }
  });

  it("turns Meta's error body into a classified GraphError", async () => {
    const graph = new GraphClient({ baseUrl: sandbox.url });
    const error = await graph.sendMessage(DEMO.pageId, DEMO.pageAccessToken, { recipient: { one_time_notif_token: "otn_unknown" }, message: { text: "x" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(400);
    expect((error as GraphError).code).toBe(100);
    expect((error as GraphError).errorClass).toBe("invalid");
  });

  it("reports a non-JSON answer as a GraphError with the HTTP status", async () => {
    const server = await fakeGraph((_req, res) => res.writeHead(502).end("<html>Bad gateway</html>"));
    try {
      const error = await new GraphClient({ baseUrl: server.url }).getTokenPage("t").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphError);
      expect((error as GraphError).status).toBe(502);
      expect((error as GraphError).errorClass).toBe("temporary");
    } finally {
      await server.close();
    }
  });

  it("fails with a network error when Graph cannot be reached or does not answer in time", async () => {
    const refused = await new GraphClient({ baseUrl: "http://127.0.0.1:9" }).getTokenPage("t").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphNetworkError);
    const server = await fakeGraph(() => {}); // never answers
    try {
      const started = Date.now();
      const slow = await new GraphClient({ baseUrl: server.url, timeoutMs: 200 }).getTokenPage("t").catch((e: unknown) => e);
      expect(slow).toBeInstanceOf(GraphNetworkError);
      expect((slow as Error).message).toMatch(/timed out after 200 ms/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await server.close();
    }
  });
});
