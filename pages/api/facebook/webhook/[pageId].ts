import type { NextApiRequest, NextApiResponse } from "next";
import { dispatchStoredEvents, ingestWebhook, answerVerification } from "@/lib/services/webhook";
import { isPageId } from "@/lib/services/channels";
import { replyText, serveMetaWebhook } from "@/lib/http/webhook-body";
import { observeNodeRequest } from "@/lib/observability/request-log";

/**
 * Meta's webhook, `/facebook/webhook/{pageId}` (rewritten here in next.config.mjs): the per-Page callback URL
 * of a channel (an organisation's own Meta app; Facebook Login channels answer here too). A Pages Router API
 * route on purpose: it hands us Node's request and response directly, where an App Router handler converts
 * each request and response through web streams. At 1,000 events/s that conversion was most of the
 * webhook's CPU, and acknowledgement latency is what Meta judges us by. The platform app's app-level URL is
 * ./index.ts.
 */
export const config = { api: { bodyParser: false } };

export default function facebookWebhook(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  return observeNodeRequest(req, res, () => serve(req, res));
}

async function serve(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const pageId = String(req.query.pageId ?? "");
  // Refused before any lookup or body read: an arbitrary path segment must cost nothing to answer.
  if (!isPageId(pageId)) return replyText(res, 404, "Unknown Page");
  await serveMetaWebhook(req, res, {
    // Meta's verification handshake: echo hub.challenge when the verify token is this channel's.
    verify: (params) => answerVerification(pageId, params),
    deliver: (rawBody, signature) => ingestWebhook({ pageId, rawBody, signature }),
    // Processing starts after Meta has its answer: the events are already stored, and the sweeper re-sends
    // any whose hand-off to the workflow engine is lost.
    afterReply: (result) => {
      if (result.stored.length > 0) void dispatchStoredEvents(result.stored);
    },
  });
}
