import { inngest } from "@/inngest/client";
import { webhookEventsStored } from "@/inngest/messenger-events";
import { sha256Hex } from "@/lib/crypto/hash";
import type { StoredEvent } from "./ingest";

/**
 * Hands stored webhook events to processing: one workflow event per channel per request. The event id is
 * derived from the stored rows, so a repeated hand-off of the same rows starts no second run.
 * Failures are logged, not thrown: the rows are stored, and the sweeper hands them off again.
 */
export async function dispatchStoredEvents(stored: StoredEvent[], options: { attempt?: number } = {}): Promise<void> {
  const byChannel = new Map<string, StoredEvent[]>();
  for (const event of stored) {
    const list = byChannel.get(event.channelId) ?? [];
    list.push(event);
    byChannel.set(event.channelId, list);
  }
  const payloads = [...byChannel.values()].map((events) => {
    const ids = events.map((e) => e.id).sort();
    return webhookEventsStored.create(
      { orgId: events[0].orgId, channelId: events[0].channelId, webhookEventIds: ids },
      { id: `webhook-${sha256Hex(ids.join(",")).slice(0, 40)}${options.attempt ? `-retry-${options.attempt}` : ""}` },
    );
  });
  try {
    await inngest.send(payloads);
  } catch (error) {
    console.error(`webhook: handing ${stored.length} stored events to processing failed; the sweeper will retry`, error);
  }
}
