import type { RealtimeEvent } from "./events";
import type { RealtimeHub } from "./hub";

export interface EventStreamOptions {
  hub: RealtimeHub;
  orgId: string;
  userId: string;
  /** The member the stream is for (null for an API key): see RealtimeSubscriber. */
  membershipId?: string | null;
  accepts(event: RealtimeEvent): boolean;
  /** The request's signal: the stream ends when the browser goes away. */
  signal: AbortSignal;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
  /**
   * Bytes queued for a browser that does not read: past this, the stream is closed instead of growing without
   * bound. EventSource reconnects, and the client refetches on "ready".
   */
  maxQueuedBytes?: number;
  /**
   * The stream ends after this long and the browser reconnects, which checks the session and membership
   * again: a member removed from the organisation (or signed out elsewhere) stops hearing within this time.
   */
  maxAgeMs?: number;
}

const encoder = new TextEncoder();
const KEEP_ALIVE = encoder.encode(`: keep-alive\n\n`);

// One event's SSE frame, written once per flush whatever the number of streams that carry it.
const frames = new WeakMap<RealtimeEvent, string>();
function frameOf(event: RealtimeEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) frames.set(event, (frame = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
  return frame;
}

// A flush's bytes, encoded once for all the streams handed the same list (the hub gives every stream that hears
// all of a flush the same array): 200 agents hearing 200 events were 8 MB of joining and encoding per flush.
const chunks = new WeakMap<readonly RealtimeEvent[], Uint8Array>();
function chunkOf(events: readonly RealtimeEvent[]): Uint8Array {
  let chunk = chunks.get(events);
  if (chunk === undefined) chunks.set(events, (chunk = encoder.encode(events.map(frameOf).join(""))));
  return chunk;
}

/**
 * A server-sent events response for one browser tab. The first event is `ready` (the browser then
 * refetches what it shows, so nothing that happened before the stream opened is missed); after it, one SSE
 * event per realtime event, named by its type, with the event as JSON. No ids and no replay: events are
 * signals to refetch, and a reconnect starts again with `ready`.
 */
export async function eventStreamResponse(options: EventStreamOptions): Promise<Response> {
  const { hub, signal, heartbeatMs = 20_000, maxQueuedBytes = 256 * 1024, maxAgeMs = 10 * 60_000 } = options;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  // Set once the stream is registered; `close` may run before (the browser already gone) or after.
  const live: { heartbeat?: ReturnType<typeof setInterval>; expiry?: ReturnType<typeof setTimeout>; unsubscribe?: () => void } = {};
  let closed = false;

  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(live.heartbeat);
    clearTimeout(live.expiry);
    live.unsubscribe?.();
    signal.removeEventListener("abort", close);
    try {
      controller.close();
    } catch {
      // already closed or errored by the reader going away
    }
  };
  const write = (chunk: Uint8Array) => {
    if (closed) return;
    if ((controller.desiredSize ?? 0) < -maxQueuedBytes) return close();
    controller.enqueue(chunk);
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel: close,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 1 }),
  );

  live.unsubscribe = await hub.subscribe({
    orgId: options.orgId,
    userId: options.userId,
    membershipId: options.membershipId ?? null,
    accepts: options.accepts,
    deliver: (events) => write(chunkOf(events)),
  });
  if (signal.aborted) close();
  signal.addEventListener("abort", close);
  // Reconnect after 3 s when the connection drops (EventSource's default varies by browser).
  write(encoder.encode(`retry: 3000\nevent: ready\ndata: {}\n\n`));
  if (!closed) {
    live.heartbeat = setInterval(() => write(KEEP_ALIVE), heartbeatMs);
    live.heartbeat.unref?.();
    live.expiry = setTimeout(close, maxAgeMs);
    live.expiry.unref?.();
  }

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // nginx and similar proxies buffer responses unless told not to; a buffered stream is not live.
      "X-Accel-Buffering": "no",
    },
  });
}
