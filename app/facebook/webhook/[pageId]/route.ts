import { after, type NextRequest } from "next/server";
import { dispatchStoredEvents } from "@/lib/webhook/dispatch";
import { ingestWebhook } from "@/lib/webhook/ingest";
import { answerVerification } from "@/lib/webhook/verify";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ pageId: string }> };

function text(body: string, status: number): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** Meta's verification handshake: echo hub.challenge when the verify token is this channel's. */
export async function GET(req: NextRequest, { params }: Params): Promise<Response> {
  const { pageId } = await params;
  const answer = await answerVerification(pageId, req.nextUrl.searchParams);
  return text(answer.body, answer.status);
}

export async function POST(req: NextRequest, { params }: Params): Promise<Response> {
  const { pageId } = await params;
  const rawBody = new Uint8Array(await req.arrayBuffer());
  const result = await ingestWebhook({ pageId, rawBody, signature: req.headers.get("x-hub-signature-256") });
  // Processing starts after Meta has its answer: the events are already stored, and the sweeper re-sends
  // any whose hand-off to the workflow engine is lost.
  if (result.stored.length > 0) after(() => dispatchStoredEvents(result.stored));
  return text(result.body, result.status);
}
