import { after, type NextRequest } from "next/server";
import { timingSafeEqual } from "node:crypto";
import { getChannelRouting } from "@/lib/webhook/channel-routing";
import { dispatchStoredEvents } from "@/lib/webhook/dispatch";
import { ingestWebhook } from "@/lib/webhook/ingest";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ pageId: string }> };

function text(body: string, status: number): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Meta's verification handshake: echo hub.challenge when the verify token is this channel's. */
export async function GET(req: NextRequest, { params }: Params): Promise<Response> {
  const { pageId } = await params;
  const q = req.nextUrl.searchParams;
  const routing = await getChannelRouting(pageId).catch(() => null);
  const token = q.get("hub.verify_token") ?? "";
  if (q.get("hub.mode") === "subscribe" && routing && sameSecret(token, routing.verifyToken)) {
    return text(q.get("hub.challenge") ?? "", 200);
  }
  return text("Forbidden", 403);
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
