import { serve } from "inngest/next";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { errorResponse } from "@/lib/api/respond";
import { isDatabaseUnavailable } from "@/lib/errors";
import { functions } from "@/inngest/functions";
import { appUrl, SERVE_PATH, workflowMode } from "@/lib/workflows/wiring/mode";
import { workflowKeys } from "@/lib/workflows/wiring/runtime";
import { signedByAny, staleCallReason, staleCallResponse, unsignedSyncResponse } from "@/lib/workflows/protocol/serve-guard";
import { logger } from "@/lib/observability/logger";

// The Inngest serve endpoint: Inngest (or the built-in executor) syncs functions with a signed PUT and runs
// steps with signed POSTs. Unsigned calls and unsigned syncs get 401 in every mode except an explicit
// Inngest dev server. The endpoint's own URL comes from configuration (APP_URL), never from a request's
// Host, so no request can make a sync register another host.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function serveLocation(): { serveOrigin?: string; servePath: string } {
  const mode = workflowMode();
  if (mode.kind === "built-in" || process.env.APP_URL) return { serveOrigin: appUrl(), servePath: SERVE_PATH };
  // With Inngest and no APP_URL the SDK still honours INNGEST_SERVE_ORIGIN; a signed in-band sync carries its URL.
  return { servePath: SERVE_PATH };
}

const handlers = serve({ client: inngest, functions, ...serveLocation() });

type Handler = (request: Request, context: unknown) => Promise<Response>;

/** The keys that may sign calls: the built-in executor's (in the database) or Inngest's (environment). */
async function signingKeys(): Promise<Array<string | undefined>> {
  if (workflowMode().kind !== "built-in") return [process.env.INNGEST_SIGNING_KEY, process.env.INNGEST_SIGNING_KEY_FALLBACK];
  const { signingKey } = await workflowKeys();
  // The SDK must have the key before it checks a call.
  if (inngest.signingKey !== signingKey) inngest.setEnvVars({ INNGEST_SIGNING_KEY: signingKey });
  return [signingKey];
}

/** The body was read to check it; the SDK gets an identical request. */
const again = (request: Request, body: string): Request => new Request(request.url, { method: request.method, headers: request.headers, body });

const get: Handler = async (request, context) => {
  if (workflowMode().kind === "built-in") await signingKeys();
  return (handlers.GET as Handler)(request, context);
};

const put: Handler = async (request, context) => {
  const mode = workflowMode().kind;
  if (mode === "inngest-dev") return (handlers.PUT as Handler)(request, context);
  const body = await request.text();
  if (!signedByAny(body, request.headers.get("x-inngest-signature"), await signingKeys())) {
    logger().warn({ component: "workflows" }, "refused an unsigned sync of /api/inngest");
    return unsignedSyncResponse();
  }
  return (handlers.PUT as Handler)(again(request, body), context);
};

const post: Handler = async (request, context) => {
  if (workflowMode().kind !== "built-in") return (handlers.POST as Handler)(request, context);
  const keys = await signingKeys();
  const body = await request.text();
  // Unsigned calls go on to the SDK, which answers 401; only signed ones cost a database read.
  if (signedByAny(body, request.headers.get("x-inngest-signature"), keys)) {
    const reason = await staleCallReason(await getDb(), body);
    if (reason) return staleCallResponse(reason);
  }
  return (handlers.POST as Handler)(again(request, body), context);
};

/** The database being unreachable is a 503 with Retry-After (the executor retries), not a 500. */
const unavailableAs503 =
  (handler: Handler): Handler =>
  async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      return errorResponse(error);
    }
  };

export const GET = unavailableAs503(get);
export const POST = unavailableAs503(post);
export const PUT = unavailableAs503(put);
