"use server";

import { updateChannel } from "@/lib/services/channels";
import { messagingAvailability } from "@/lib/services/permissions";
import { orgAction } from "@/lib/tenancy/action";

/** The channel page's "Messaging outside the 24-hour window" section: saves the region and business country (owners and admins). */
export async function saveMessagingRegionAction(orgSlug: string, channelId: string, input: { messagingRegion: string | null; businessCountry: string }) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const channel = await updateChannel({ ctx, channelId, input });
    return { messagingRegion: channel.messagingRegion, businessCountry: channel.businessCountry, availability: messagingAvailability(channel) };
  });
}
