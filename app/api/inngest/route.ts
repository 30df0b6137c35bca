import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { workflowMode } from "@/lib/workflows/mode";
import { workflowKeys } from "@/lib/workflows/runtime";

// The Inngest serve endpoint: Inngest (or the built-in executor) syncs functions with PUT and runs steps
// with signed POSTs. Unsigned calls get 401 in every mode except an explicit Inngest dev server.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handlers = serve({ client: inngest, functions });

type Handler = (request: Request, context: unknown) => Promise<Response>;

/** In built-in mode the signing key comes from the database; the SDK must have it before checking a call. */
async function ready(): Promise<void> {
  if (workflowMode().kind !== "built-in") return;
  const { signingKey } = await workflowKeys();
  if (inngest.signingKey !== signingKey) inngest.setEnvVars({ INNGEST_SIGNING_KEY: signingKey });
}

const wrap =
  (handler: unknown): Handler =>
  async (request, context) => {
    await ready();
    return (handler as Handler)(request, context);
  };

export const GET = wrap(handlers.GET);
export const POST = wrap(handlers.POST);
export const PUT = wrap(handlers.PUT);
