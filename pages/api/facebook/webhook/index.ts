import type { NextApiRequest, NextApiResponse } from "next";
import { answerPlatformVerification, dispatchStoredEvents, ingestPlatformWebhook } from "@/lib/services/webhook";
import { readWebhookBody, replyText, signatureHeader } from "@/lib/http/webhook-body";

/**
 * The platform app's app-level webhook, `/facebook/webhook` (rewritten here in next.config.mjs): the one
 * callback URL the operator sets in Meta's dashboard for META_APP_ID, receiving the events of every Page
 * connected through Facebook Login. Signed with the platform app's secret; each entry is routed to its Page's
 * channel as on the per-Page URL ([pageId].ts, which explains why this is a Pages Router route).
 */
export const config = { api: { bodyParser: false } };

export default async function platformWebhook(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (req.method === "GET") {
    // Meta's verification handshake with the operator's META_WEBHOOK_VERIFY_TOKEN.
    const answer = answerPlatformVerification(new URL(req.url ?? "/", "http://localhost").searchParams);
    return replyText(res, answer.status, answer.body);
  }
  if (req.method !== "POST") {
    res.setHeader("allow", "GET, POST");
    return replyText(res, 405, "Method Not Allowed");
  }
  const rawBody = await readWebhookBody(req);
  if (!rawBody) return replyText(res, 413, "Payload Too Large");
  const result = await ingestPlatformWebhook({ rawBody, signature: signatureHeader(req) });
  replyText(res, result.status, result.body);
  if (result.stored.length > 0) void dispatchStoredEvents(result.stored);
}
