import { listAllChannels } from "../channels/queries";
import { getCampaignSummary } from "@/lib/services/campaigns";
import { listSegments } from "@/lib/services/segments";
import { previewAudienceCount } from "./broadcast-adapter";
import { can, type OrgContext } from "@/lib/tenancy/context";

/** The organisation's channels as form and filter options (campaigns need only a name and an id). */
export async function channelOptions(ctx: OrgContext): Promise<{ id: string; name: string }[]> {
  const channels = await listAllChannels(ctx);
  return channels.map((c) => ({ id: c.id, name: c.name }));
}

/** The segments a campaign can be sent to (none for a member who may not read them: everyone subscribed only). */
export async function segmentOptions(ctx: OrgContext): Promise<{ id: string; name: string; contactCount: number }[]> {
  if (!can(ctx, "segments.read")) return [];
  return (await listSegments({ ctx })).map((s) => ({ id: s.id, name: s.name, contactCount: s.contactCount }));
}

/**
 * A recurring or marketing campaign's page data: the campaign as the list shows it, and before it starts the
 * number of people it would reach now (null once started, or when not counted).
 */
export async function broadcastState(ctx: OrgContext, campaignId: string) {
  const campaign = await getCampaignSummary({ ctx, campaignId });
  const notStarted = campaign.status === "draft" || campaign.status === "scheduled";
  const recipients =
    notStarted && campaign.kind !== "otn"
      ? await previewAudienceCount(ctx, {
          kind: campaign.kind,
          channelId: campaign.channelId,
          ...(campaign.topic && { topicId: campaign.topic.id }),
          ...(campaign.segmentId && { segmentId: campaign.segmentId }),
        })
      : null;
  return { campaign, recipients };
}
