import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { open } from "@/lib/crypto/secrets";
import { GraphClient } from "@/lib/graph/client";
import { GraphError, GraphNetworkError } from "@/lib/graph/errors";
import { flagReconnectNeeded } from "@/lib/services/channels/check-connection";
import { recordChannelError } from "@/lib/webhook/ingest";
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
  const token = open(channel.pageAccessTokenSealed);
  return {
    orgId: channel.orgId,
    channelId,
    async sendInOrder(psid, messages) {
      for (const message of messages) {
        try {
          await graph.sendMessage(channel.pageId, token, { recipient: { id: psid }, messaging_type: "RESPONSE", message });
        } catch (error) {
          if (error instanceof GraphError) {
            if (error.errorClass === "auth") await flagReconnectNeeded(channelId, error.reason);
            await recordChannelError(channel.orgId, channelId, "send_api", error.reason, error.code);
            return { ok: false, reason: error.reason };
          }
          if (error instanceof GraphNetworkError) throw error; // worth a retry of the whole step
          throw error;
        }
      }
      return { ok: true };
    },
  };
}
