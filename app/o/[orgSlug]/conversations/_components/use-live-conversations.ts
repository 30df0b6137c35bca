"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useLiveEvents, type LiveEvent, type LiveStatus } from "@/components/query/live-events";

/** Refetches at most this often however many events arrive: a busy Page must not turn into a refetch storm. */
const THROTTLE_MS = 300;

/**
 * Keeps a conversation query fresh from the live stream: refetches `queryKey` when an event that `concerns`
 * it arrives (and on every reconnection). Returns the stream's status; while it is not live, the query's
 * own polling (pollInterval) keeps it fresh instead.
 */
export function useLiveRefetch(queryKey: QueryKey, concerns: (event: LiveEvent) => boolean): LiveStatus {
  const client = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useLiveEvents((event) => {
    if (event.type !== "ready" && !concerns(event)) return;
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void client.invalidateQueries({ queryKey });
    }, THROTTLE_MS);
  });
}

/** Polling while the stream is down; a slow safety net while it is up. */
export function pollInterval(status: LiveStatus): number {
  return status === "live" ? 30_000 : 3_000;
}
