import type { IncomingMessage, ServerResponse } from "node:http";

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
