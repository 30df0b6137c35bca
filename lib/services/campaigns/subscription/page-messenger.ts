import { eq } from "drizzle-orm";
import { openPageToken } from "@/lib/services/channels";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { GraphClient } from "@/lib/graph/client";
import { GraphError, GraphNetworkError } from "@/lib/graph/errors";
import { flagReconnectNeeded, refusalOf } from "@/lib/services/channel-health";
import { recordChannelError } from "@/lib/services/channel-health";
import type { MessengerMessage } from "../messages";

export interface PageMessenger {
  orgId: string;
  channelId: string;
  /** Sends messages to one person in order; stops at the first refusal and says why. */
  sendInOrder(psid: string, messages: MessengerMessage[]): Promise<{ ok: boolean; reason?: string }>;
}

/** Sends the subscription flow's messages (invitation, OTN request, reply) as the channel's Page. */
export async function pageMessenger(channelId: string): Promise<PageMessenger | null> {
  const db = await getDb();
  const [channel] = await db.select().from(channels).where(eq(channels.id, channelId));
  if (!channel || channel.deletedAt || channel.status !== "active") return null;
  const graph = new GraphClient({ version: channel.graphApiVersion });
  const token = openPageToken(channel);
  return {
    orgId: channel.orgId,
    channelId,
    async sendInOrder(psid, messages) {
      for (const message of messages) {
        try {
          await sendWithNetworkRetries(() => graph.sendMessage(channel.pageId, token, { recipient: { id: psid }, messaging_type: "RESPONSE", message }));
        } catch (error) {
          if (error instanceof GraphError) {
            if (error.errorClass === "auth") await flagReconnectNeeded(channelId, refusalOf(error));
            await recordChannelError(channel.orgId, channelId, "send_api", error.reason, error.code);
            return { ok: false, reason: error.reason };
          }
          throw error; // unreachable after retries: the workflow step retries later
        }
      }
      return { ok: true };
    },
  };
}

/** A dropped connection (reset keep-alive socket) is retried twice before giving up. */
async function sendWithNetworkRetries<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof GraphNetworkError) || attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
