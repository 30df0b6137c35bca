import { getDb } from "@/db/client";
import { handleEventApi, handleRegister } from "@/lib/workflows/event-api";
import { appUrl, SERVE_PATH, workflowMode } from "@/lib/workflows/mode";
import { wakeWorkflows, workflowKeys } from "@/lib/workflows/runtime";

// The built-in executor's side of Inngest's APIs, inside the app: `POST e/{eventKey}` (event API, used by
// inngest.send and step.sendEvent) and `POST fn/register` (out-of-band sync after `PUT /api/inngest`).
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
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
