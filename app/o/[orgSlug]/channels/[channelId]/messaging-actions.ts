"use server";

import { updateChannel } from "@/lib/services/channels";
import { getLastTokenImport, messagingAvailability, requestSubscriptionTokenImport } from "@/lib/services/permissions";
import { orgAction } from "@/lib/tenancy/action";

/** The channel page's "Messaging outside the 24-hour window" section: saves the region, business country and ad account (owners and admins). */
export async function saveMessagingRegionAction(orgSlug: string, channelId: string, input: { messagingRegion: string | null; businessCountry: string; adAccountId: string }) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const channel = await updateChannel({ ctx, channelId, input });
    return { messagingRegion: channel.messagingRegion, businessCountry: channel.businessCountry, adAccountId: channel.adAccountId, availability: messagingAvailability(channel) };
  });
}

/** "Import subscribers from Meta" (those who run campaigns): starts the import and answers the channel's latest import state. */
export async function importSubscribersAction(orgSlug: string, channelId: string) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    await requestSubscriptionTokenImport({ ctx, channelId });
    return getLastTokenImport({ ctx, channelId });
  });
}
