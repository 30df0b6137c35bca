"use server";

import { revalidatePath } from "next/cache";
import { getCampaignStats, getSubscribersOverTime, cancelCampaign, deleteCampaign, resumeCampaign, sendCampaignNow, listCampaignRecipients, createCampaign, updateCampaign } from "@/lib/services/campaigns";
import { getCampaign, listCampaigns } from "@/lib/services/campaigns";
import type { CampaignListQuery, RecipientQuery } from "@/lib/services/campaigns/schemas";
import { orgAction } from "@/lib/tenancy/action";

const campaignsPath = (slug: string) => `/o/${slug}/campaigns`;

/** Create: the form sends the campaign as the service's input (validated there with the shared zod schema). */
export async function createCampaignAction(orgSlug: string, input: unknown) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    const campaign = await createCampaign({ ctx, input });
    revalidatePath(campaignsPath(ctx.org.slug), "layout");
    return { id: campaign.id };
  });
}

export async function updateCampaignAction(orgSlug: string, campaignId: string, input: unknown) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    const campaign = await updateCampaign({ ctx, campaignId, input });
    revalidatePath(campaignsPath(ctx.org.slug), "layout");
    return { id: campaign.id };
  });
}

export async function sendCampaignNowAction(orgSlug: string, campaignId: string) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    const campaign = await sendCampaignNow({ ctx, campaignId });
    revalidatePath(campaignsPath(ctx.org.slug), "layout");
    return campaign;
  });
}

export async function resumeCampaignAction(orgSlug: string, campaignId: string) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    const campaign = await resumeCampaign({ ctx, campaignId });
    revalidatePath(campaignsPath(ctx.org.slug), "layout");
    return campaign;
  });
}

export async function cancelCampaignAction(orgSlug: string, campaignId: string) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    const campaign = await cancelCampaign({ ctx, campaignId });
    revalidatePath(campaignsPath(ctx.org.slug), "layout");
    return campaign;
  });
}

export async function deleteCampaignAction(orgSlug: string, campaignId: string) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    await deleteCampaign({ ctx, campaignId });
    revalidatePath(campaignsPath(ctx.org.slug), "layout");
    return null;
  });
}

/** The list's live data (counts and statuses), polled by react-query. */
export async function listCampaignsAction(orgSlug: string, input: CampaignListQuery) {
  return orgAction(orgSlug, "campaigns.read", (ctx) => listCampaigns({ ctx, input }));
}

/** The campaign page's live data: the campaign, its stats and the subscribers chart. */
export async function campaignStateAction(orgSlug: string, campaignId: string) {
  return orgAction(orgSlug, "campaigns.read", async (ctx) => {
    const [campaign, stats, overTime] = await Promise.all([
      getCampaign({ ctx, campaignId }),
      getCampaignStats({ ctx, campaignId }),
      getSubscribersOverTime({ ctx, campaignId, input: { bucket: "day" } }),
    ]);
    return { campaign, stats, overTime };
  });
}

export async function campaignRecipientsAction(orgSlug: string, campaignId: string, input: RecipientQuery) {
  return orgAction(orgSlug, "campaigns.read", (ctx) => listCampaignRecipients({ ctx, campaignId, input }));
}
