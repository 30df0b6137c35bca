import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/api/respond";
import { isDatabaseUnavailable } from "@/lib/errors";
import { handleEventApi, handleRegister } from "@/lib/workflows/protocol/event-api";
import { appUrl, SERVE_PATH, workflowMode } from "@/lib/workflows/wiring/mode";
import { wakeWorkflows, workflowKeys } from "@/lib/workflows/wiring/runtime";

// The built-in executor's side of Inngest's APIs, inside the app: `POST e/{eventKey}` (event API, used by
// inngest.send and step.sendEvent) and `POST fn/register` (out-of-band sync after `PUT /api/inngest`).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  try {
    return await route(request, context);
  } catch (error) {
    // The database being unreachable is a 503 with Retry-After, which the SDK's send retries; not a 500.
    if (!isDatabaseUnavailable(error)) throw error;
    return errorResponse(error);
  }
}

async function route(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  if (workflowMode().kind !== "built-in") return Response.json({ error: "Workflows are run by Inngest", status: 404 }, { status: 404 });
  const { path } = await params;
  const [db, keys, body] = await Promise.all([getDb(), workflowKeys(), request.text()]);
  if (path.length === 2 && path[0] === "e") {
    const answer = await handleEventApi(db, keys.eventKey, path[1]!, body, wakeWorkflows);
    return Response.json(answer.body, { status: answer.status });
  }
  if (path.length === 2 && path[0] === "fn" && path[1] === "register") {
    const answer = await handleRegister(db, keys.signingKey, `${appUrl()}${SERVE_PATH}`, request.headers.get("authorization"), body);
    if (answer.status === 200) wakeWorkflows();
    return Response.json(answer.body, { status: answer.status });
  }
  return Response.json({ error: "Not found", status: 404 }, { status: 404 });
}
