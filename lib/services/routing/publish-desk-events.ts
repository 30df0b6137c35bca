import { getDb } from "@/db/client";
import { publishRealtime } from "@/lib/realtime";
import { toRealtimeEvents, type DeskEvent } from "./events";

/** Tells open dashboards what a desk verb changed, once it has committed (server actions, API routes, workflows). */
export async function publishDeskEvents(events: readonly DeskEvent[]): Promise<void> {
  if (events.length === 0) return;
  await publishRealtime(await getDb(), toRealtimeEvents(events));
}
