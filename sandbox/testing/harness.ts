/**
 * Helpers of the sandbox's tests (beside the modules they test) and of lib/graph's: an in-process sandbox, a
 * webhook receiver keeping raw bytes, Graph calls. Kept inside sandbox/ because the sandbox imports nothing of ours.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../server";

export async function withSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  // Port 9 (discard) refuses connections: the demo callback must never reach a developer's running app.
  return startSandbox({ port: 0, appUrl: "http://127.0.0.1:9", ...options });
}

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  json: { object: string; entry: { id: string; time: number; messaging: Record<string, unknown>[] }[] };
}

/** A webhook endpoint that answers the handshake and records every POST with its raw body. */
export async function startReceiver(options: { verifyToken?: string; status?: () => number } = {}) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET") {
      const ok = url.searchParams.get("hub.mode") === "subscribe" && url.searchParams.get("hub.verify_token") === (options.verifyToken ?? "verify-me");
      res.writeHead(ok ? 200 : 403).end(ok ? url.searchParams.get("hub.challenge") : "forbidden");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = options.status?.() ?? 200;
      if (status === 200) {
        const raw = Buffer.concat(chunks);
        received.push({ headers: req.headers, raw, json: JSON.parse(raw.toString("utf8")) });
      }
      res.writeHead(status).end(status === 200 ? "EVENT_RECEIVED" : "error");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    events: () => received.flatMap((r) => r.json.entry.flatMap((e) => e.messaging)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function graph(sandbox: RunningSandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

export async function control(sandbox: RunningSandbox, method: string, path: string, body?: unknown) {
  return graph(sandbox, method, `/_sandbox/api${path}`, body);
}

export async function waitFor<T>(fn: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}
