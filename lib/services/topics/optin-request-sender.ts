import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { GraphError, GraphNetworkError } from "@/lib/graph/errors";
import { classifyOptinRequestError, sendNotificationMessagesRequest, type OptinRequestRefusal } from "@/lib/graph/recurring";
import { flagReconnectNeeded, recordChannelError, refusalOf } from "@/lib/services/channel-health";
import { openPageToken } from "@/lib/services/channels";
import type { TopicRow } from "./queries";

export type OptinRequestAnswer = { ok: true } | { ok: false; refusal: OptinRequestRefusal; reason: string };

/**
 * Sends a topic's opt-in request to people of its channel as the Page, one at a time, and says what Meta
 * answered. A refused Page token (190) flags the channel for reconnection, as every sender does; every Graph
 * refusal is recorded in the channel's error log. A network failure after two retries throws.
 */
export async function optinRequestSender(topic: TopicRow): Promise<(psid: string) => Promise<OptinRequestAnswer>> {
  const db = await getDb();
  const [channel] = await db.select().from(channels).where(eq(channels.id, topic.channelId));
  if (!channel || channel.deletedAt || channel.status !== "active") throw new ConflictError("topics.errors.channelInactive");
  const graph = new GraphClient({ version: channel.graphApiVersion });
  const token = openPageToken(channel);
  return async (psid) => {
    try {
      await withNetworkRetries(() => sendNotificationMessagesRequest(graph, channel.pageId, token, { psid, title: topic.title, payload: topic.payload, imageUrl: topic.imageUrl, cadence: topic.cadence }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      const refusal = classifyOptinRequestError(error);
      if (refusal === "reconnect") await flagReconnectNeeded(channel.id, refusalOf(error));
      if (refusal === "reconnect" || refusal === "failed" || refusal === "unavailable") await recordChannelError(channel.orgId, channel.id, "send_api", error.reason, error.code);
      return { ok: false, refusal, reason: error.reason };
    }
  };
}

/** A dropped connection (reset keep-alive socket) is retried twice before giving up. */
async function withNetworkRetries<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof GraphNetworkError) || attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
