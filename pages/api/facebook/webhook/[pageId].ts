import type { NextApiRequest, NextApiResponse } from "next";
import { dispatchStoredEvents, ingestWebhook, answerVerification } from "@/lib/services/webhook";
import { isPageId } from "@/lib/services/channels";

/**
 * Meta's webhook, `/facebook/webhook/{pageId}` (rewritten here in next.config.mjs). A Pages Router API
 * route on purpose: it hands us Node's request and response directly, where an App Router handler converts
 * each request and response through web streams. At 1,000 events/s that conversion was most of the
 * webhook's CPU, and acknowledgement latency is what Meta judges us by.
 */
export const config = { api: { bodyParser: false } };

// Meta's deliveries are a few kilobytes; anything far larger is refused before it is buffered.
const MAX_BODY_BYTES = 5 * 1024 * 1024;

function reply(res: NextApiResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end(body);
}

export default async function facebookWebhook(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const pageId = String(req.query.pageId ?? "");
  // Refused before any lookup or body read: an arbitrary path segment must cost nothing to answer.
  if (!isPageId(pageId)) return reply(res, 404, "Unknown Page");
  if (req.method === "GET") {
    // Meta's verification handshake: echo hub.challenge when the verify token is this channel's.
    const answer = await answerVerification(pageId, new URL(req.url ?? "/", "http://localhost").searchParams);
    return reply(res, answer.status, answer.body);
  }
  if (req.method !== "POST") {
    res.setHeader("allow", "GET, POST");
    return reply(res, 405, "Method Not Allowed");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return reply(res, 413, "Payload Too Large");
    chunks.push(chunk);
  }
  const signature = req.headers["x-hub-signature-256"];
  const result = await ingestWebhook({ pageId, rawBody: Buffer.concat(chunks), signature: typeof signature === "string" ? signature : null });
  reply(res, result.status, result.body);
  // Processing starts after Meta has its answer: the events are already stored, and the sweeper re-sends
  // any whose hand-off to the workflow engine is lost.
  if (result.stored.length > 0) void dispatchStoredEvents(result.stored);
}
