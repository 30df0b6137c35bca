"use server";

import { revalidatePath } from "next/cache";
import { getCampaignStats, getSubscribersOverTime, cancelCampaign, deleteCampaign, resumeCampaign, sendCampaignNow, listCampaignRecipients, createCampaign, updateCampaign } from "@/lib/services/campaigns";
import { getCampaign, listCampaigns } from "@/lib/services/campaigns";
import type { CampaignListQuery, RecipientQuery } from "@/lib/services/campaigns/schemas";
import { orgAction } from "@/lib/tenancy/action";
import { listDeliveries, previewAudienceCount, type AudiencePreviewInput, type DeliveryListQuery } from "./broadcast-adapter";
import { broadcastState } from "./queries";

const campaignsPath = (slug: string) => `/o/${slug}/campaigns`;

/** Create: the form sends the campaign as the service's input (validated there with the shared zod schema). */
export async function createCampaignAction(orgSlug: string, input: unknown) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    const campaign = await createCampaign({ ctx, input });
    revalidatePath(campaignsPath(ctx.org.slug), "layout");
    return { id: campaign.id };
  });
}

/**
 * Create a recurring or marketing campaign (the same verb, `kind` in the input) and, with `sendNow`, start it at
 * once. The campaign exists once created: a start that is refused (nobody in the audience yet, the region) leaves
 * it a draft and says so (`started: false`), so the form never creates it twice.
 */
export async function createBroadcastCampaignAction(orgSlug: string, input: unknown, sendNow: boolean) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    const campaign = await createCampaign({ ctx, input });
    let started = false;
    if (sendNow) started = await sendCampaignNow({ ctx, campaignId: campaign.id }).then(() => true, () => false);
    revalidatePath(campaignsPath(ctx.org.slug), "layout");
    return { id: campaign.id, started };
  });
}

/** The recurring and marketing forms' live recipient count (null: not counted). */
export async function audiencePreviewAction(orgSlug: string, input: AudiencePreviewInput) {
  return orgAction(orgSlug, "campaigns.read", (ctx) => previewAudienceCount(ctx, input));
}

export async function broadcastStateAction(orgSlug: string, campaignId: string) {
  return orgAction(orgSlug, "campaigns.read", (ctx) => broadcastState(ctx, campaignId));
}

/** A recurring or marketing campaign's deliveries, polled by its page. */
export async function campaignDeliveriesAction(orgSlug: string, campaignId: string, input: DeliveryListQuery) {
  return orgAction(orgSlug, "campaigns.read", (ctx) => listDeliveries(ctx, campaignId, input));
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
