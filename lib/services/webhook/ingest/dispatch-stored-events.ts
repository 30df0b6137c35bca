import { inngest } from "@/inngest/client";
import { webhookEventsStoredEvent } from "@/inngest/events/messenger";
import type { StoredEvent } from "./ingest-webhook";
import { logError } from "@/lib/log-error";

/**
 * Events stored within one window are processed together by one run, which starts when the window closes. Tried
 * 250 ms (four runs a second per busy channel instead of one): the inbox bench's live p95 at 1,000 events/s was
 * 4.7 s against 4.1 s at 1 s, on the same machine and code. At that rate processing, not the window, sets the
 * latency, and shorter windows only add runs.
 */
export const DRAIN_WINDOW_MS = 1000;

// The window each channel was last handed off for, in this process: later POSTs of the same window need no
// hand-off (the workflow engine would drop the duplicate event id anyway; this saves the call).
const lastWindow = new Map<string, number>();

/**
 * Hands stored webhook events to processing: at most one workflow event per channel per window, with an
 * id naming the window, so every instance and every POST of that window starts the same single run.
 * Failures are logged, not thrown: the rows are stored, and the sweeper hands them off again.
 */
export async function dispatchStoredEvents(stored: StoredEvent[], options: { now?: number; sweep?: boolean } = {}): Promise<void> {
  const now = options.now ?? Date.now();
  const window = Math.floor(now / DRAIN_WINDOW_MS);
  const channels = new Map<string, string>();
  for (const event of stored) channels.set(event.channelId, event.orgId);
  const payloads = [];
  for (const [channelId, orgId] of channels) {
    if (!options.sweep && lastWindow.get(channelId) === window) continue;
    lastWindow.set(channelId, window);
    payloads.push(
      webhookEventsStoredEvent(
        { orgId, channelId, drainAfter: options.sweep ? now : (window + 1) * DRAIN_WINDOW_MS },
        `webhook-${options.sweep ? "sweep-" : ""}${channelId}-${window}`,
      ),
    );
  }
  if (payloads.length === 0) return;
  try {
    await inngest.send(payloads);
  } catch (error) {
    for (const channelId of channels.keys()) lastWindow.delete(channelId);
    logError(`webhook: handing ${stored.length} stored events to processing failed; the sweeper will retry`, error);
  }
}
