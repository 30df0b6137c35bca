"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { REALTIME_EVENT_TYPES, type RealtimeEvent } from "@/lib/realtime/events";

/** "ready" is heard on every (re)connection: whatever missed events it could have, refetch. */
export type LiveEvent = RealtimeEvent | { type: "ready" };
export type LiveStatus = "off" | "connecting" | "live" | "reconnecting";

interface Stream {
  subscribe(handler: (event: LiveEvent) => void, onStatus: (status: LiveStatus) => void): () => void;
}

const LiveEventsContext = createContext<Stream | null>(null);

/** Every type the server sends (notes and notifications included), from the one list. */
const EVENT_TYPES = REALTIME_EVENT_TYPES;

/**
 * One EventSource per tab for the organisation's live updates (GET /api/events), opened while at least one
 * component listens and closed when the last one stops: pages that show nothing live cost no connection.
 * EventSource reconnects by itself (the server asks for 3 s); each connection starts with "ready".
 */
export function LiveEventsProvider({ orgSlug, children }: { orgSlug: string; children: ReactNode }) {
  const [stream] = useState<Stream>(() => {
    const handlers = new Set<(event: LiveEvent) => void>();
    const statusListeners = new Set<(status: LiveStatus) => void>();
    let source: EventSource | null = null;
    let status: LiveStatus = "off";
    const setStatus = (next: LiveStatus) => {
      status = next;
      statusListeners.forEach((listener) => listener(next));
    };
    const emit = (event: LiveEvent) => handlers.forEach((handler) => handler(event));
    const open = () => {
      source = new EventSource(`/api/events?org=${encodeURIComponent(orgSlug)}`);
      setStatus("connecting");
      source.addEventListener("ready", () => {
        setStatus("live");
        emit({ type: "ready" });
      });
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (message) => {
          try {
            emit(JSON.parse((message as MessageEvent<string>).data) as RealtimeEvent);
          } catch {
            // A malformed event is dropped; the next "ready" refetches anyway.
          }
        });
      }
      source.onerror = () => setStatus(source?.readyState === EventSource.CLOSED ? "off" : "reconnecting");
    };
    return {
      subscribe(handler, onStatus) {
        handlers.add(handler);
        statusListeners.add(onStatus);
        if (!source) open();
        else {
          onStatus(status);
          // The stream was opened by another listener (the shell's bell): this one missed its "ready", and with
          // it the refetch that covers what happened between the page's render and now. Hand it one.
          if (status === "live") queueMicrotask(() => handlers.has(handler) && handler({ type: "ready" }));
        }
        return () => {
          handlers.delete(handler);
          statusListeners.delete(onStatus);
          if (handlers.size === 0 && source) {
            source.close();
            source = null;
            setStatus("off");
          }
        };
      },
    };
  });
  return <LiveEventsContext.Provider value={stream}>{children}</LiveEventsContext.Provider>;
}

/**
 * Listens to the organisation's live updates while the component is mounted. `onEvent` may change between
 * renders (the latest one is called). Returns the stream's status, for a "Live" indicator.
 */
export function useLiveEvents(onEvent: (event: LiveEvent) => void): LiveStatus {
  const stream = useContext(LiveEventsContext);
  const latest = useRef(onEvent);
  const [status, setStatus] = useState<LiveStatus>("off");
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    if (!stream) return;
    return stream.subscribe((event) => latest.current(event), setStatus);
  }, [stream]);
  return status;
}
