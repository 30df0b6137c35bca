import type { NextApiRequest, NextApiResponse } from "next";
import { answerPlatformVerification, dispatchStoredEvents, ingestPlatformWebhook } from "@/lib/services/webhook";
import { serveMetaWebhook } from "@/lib/http/webhook-body";
import { observeNodeRequest } from "@/lib/observability/request-log";

/**
 * The platform app's app-level webhook, `/facebook/webhook` (rewritten here in next.config.mjs): the one
 * callback URL the operator sets in Meta's dashboard for META_APP_ID, receiving the events of every Page
 * connected through Facebook Login. Signed with the platform app's secret; each entry is routed to its Page's
 * channel as on the per-Page URL ([pageId].ts, which explains why this is a Pages Router route).
 */
export const config = { api: { bodyParser: false } };

export default function platformWebhook(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  return observeNodeRequest(req, res, () => serve(req, res));
}

async function serve(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  // GET: Meta's verification handshake with the operator's META_WEBHOOK_VERIFY_TOKEN.
  await serveMetaWebhook(req, res, {
    verify: answerPlatformVerification,
    deliver: (rawBody, signature) => ingestPlatformWebhook({ rawBody, signature }),
    afterReply: (result) => {
      if (result.stored.length > 0) void dispatchStoredEvents(result.stored);
    },
  });
}
