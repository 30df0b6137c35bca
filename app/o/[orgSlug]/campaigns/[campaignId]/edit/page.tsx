import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getCampaign } from "@/lib/services/campaigns";
import { EDITABLE_STATUSES } from "@/lib/services/campaigns/schemas";
import { getT } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/services/organizations";
import { can } from "@/lib/tenancy/context";
import { orNotFound } from "../../../or-not-found";
import { orgPageContext } from "../../../org-page";
import { CampaignForm } from "../../_components/campaign-form";
import { updateCampaignAction } from "../../actions";
import { channelOptions, segmentOptions } from "../../queries";
import { namedMetadata } from "../../../page-metadata";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; campaignId: string }> }): Promise<Metadata> {
  const { orgSlug, campaignId } = await params;
  return namedMetadata(orgSlug, "campaigns.manage", async (ctx) => (await getCampaign({ ctx, campaignId })).name, ["nav.campaigns"], "common.edit");
}

export default async function EditCampaignPage({ params }: { params: Promise<{ orgSlug: string; campaignId: string }> }) {
  const { orgSlug, campaignId } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "campaigns.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const campaign = await orNotFound(campaignId, () => getCampaign({ ctx, campaignId }));
  const [channels, segments, { timeZone }] = await Promise.all([channelOptions(ctx), segmentOptions(ctx), getOrganizationSettings({ ctx })]);
  const slug = ctx.org.slug;
  async function save(input: Record<string, unknown>) {
    "use server";
    return updateCampaignAction(slug, campaignId, input);
  }
  return (
    <>
      <PageHeader title={t("campaigns.edit.title", { name: campaign.name })} />
      {EDITABLE_STATUSES.includes(campaign.status) ? <CampaignForm orgSlug={slug} channels={channels} segments={segments} timeZone={timeZone} campaign={campaign} save={save} /> : <Alert tone="warning">{t("campaigns.form.notEditable")}</Alert>}
    </>
  );
}
