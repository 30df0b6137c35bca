import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "@/lib/observability/metrics";

// Meta's deliveries are a few kilobytes; anything far larger is refused before it is buffered.
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;

/** The raw bytes of a webhook POST (the signature is over them), or null once it grows past the limit. */
export async function readWebhookBody(req: IncomingMessage, limit = MAX_WEBHOOK_BODY_BYTES): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Meta reads only the status (and the echoed challenge): plain text. */
export function replyText(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end(body);
}

/** X-Hub-Signature-256 as one string, or null when missing or repeated. */
export function signatureHeader(req: IncomingMessage): string | null {
  const signature = req.headers["x-hub-signature-256"];
  return typeof signature === "string" ? signature : null;
}

interface WebhookAnswer {
  status: number;
  body: string;
}

/**
 * One Meta callback URL over Node's request and response: GET is the verification handshake, POST a delivery
 * (read raw, size-capped, its signature header handed on), anything else 405. `afterReply` runs once Meta has
 * its answer (processing must not hold the acknowledgement back).
 */
export async function serveMetaWebhook<T extends WebhookAnswer>(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: {
    verify: (params: URLSearchParams) => WebhookAnswer | Promise<WebhookAnswer>;
    deliver: (rawBody: Buffer, signature: string | null) => Promise<T>;
    afterReply?: (result: T) => void;
  },
): Promise<void> {
  const started = performance.now();
  // Counted once the answer is written, whichever branch wrote it; the latency is of POSTs (deliveries).
  res.once("finish", () => {
    const m = metrics();
    m.webhookRequests.inc({ method: req.method === "GET" || req.method === "POST" ? req.method : "other", status: String(res.statusCode) });
    if (req.method === "POST") m.webhookAckSeconds.observe((performance.now() - started) / 1000);
  });
  if (req.method === "GET") {
    const answer = await handlers.verify(new URL(req.url ?? "/", "http://localhost").searchParams);
    return replyText(res, answer.status, answer.body);
  }
  if (req.method !== "POST") {
    res.setHeader("allow", "GET, POST");
    return replyText(res, 405, "Method Not Allowed");
  }
  const rawBody = await readWebhookBody(req);
  if (!rawBody) return replyText(res, 413, "Payload Too Large");
  const result = await handlers.deliver(rawBody, signatureHeader(req));
  replyText(res, result.status, result.body);
  handlers.afterReply?.(result);
}
