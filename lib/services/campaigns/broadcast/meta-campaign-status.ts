import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { GraphClient } from "@/lib/graph/client";
import { setMessageCampaignStatus } from "@/lib/graph/marketing-messages";
import { logError } from "@/lib/log-error";
import { openPageToken } from "@/lib/services/channels";
import type { CampaignRow } from "../queries";

/**
 * Keeps a marketing campaign's Meta message_campaign in step with ours: paused when ours is cancelled (no budget is
 * spent on a campaign that sends nothing more), active again when ours resumes (a campaign paused on Meta answers
 * 2300000 to every send). Best effort, after the change committed: a failure is logged, and a resumed send that
 * still finds the Meta campaign inactive pauses again with that reason.
 */
export async function syncMetaCampaignStatus(campaign: CampaignRow, status: "ACTIVE" | "PAUSED"): Promise<void> {
  if (campaign.kind !== "marketing" || !campaign.metaCampaignId) return;
  try {
    const db = await getDb();
    const [channel] = await db.select().from(channels).where(eq(channels.id, campaign.channelId));
    if (!channel) return;
    await setMessageCampaignStatus(new GraphClient({ version: channel.graphApiVersion }), campaign.metaCampaignId, openPageToken(channel), status);
  } catch (error) {
    logError(`campaigns: setting Meta campaign ${campaign.metaCampaignId} ${status} failed`, error);
  }
}
