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
import { listAllChannels } from "../../../channels/queries";
import { BroadcastFormLoader } from "../../_components/broadcast-form-loader";
import { CampaignForm } from "../../_components/campaign-form";
import { updateCampaignAction } from "../../actions";
import { channelKindAvailability, topicOptions } from "../../broadcast-adapter";
import { segmentOptions } from "../../queries";
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
  const [channels, segments, { timeZone }, topics] = await Promise.all([
    listAllChannels(ctx),
    segmentOptions(ctx),
    getOrganizationSettings({ ctx }),
    campaign.kind === "recurring" ? topicOptions(ctx) : [],
  ]);
  const slug = ctx.org.slug;
  async function save(input: Record<string, unknown>) {
    "use server";
    return updateCampaignAction(slug, campaignId, input);
  }
  const kind = campaign.kind;
  return (
    <>
      <PageHeader title={t("campaigns.edit.title", { name: campaign.name })} />
      {!EDITABLE_STATUSES.includes(campaign.status) ? (
        <Alert tone="warning">{t("campaigns.form.notEditable")}</Alert>
      ) : kind === "otn" ? (
        <CampaignForm orgSlug={slug} channels={channels.map((c) => ({ id: c.id, name: c.name }))} segments={segments} timeZone={timeZone} campaign={campaign} save={save} />
      ) : (
        <BroadcastFormLoader
          orgSlug={slug}
          kind={kind}
          campaign={campaign}
          channels={channels.map((channel) => {
            const availability = channelKindAvailability(channel)[kind];
            return { id: channel.id, name: channel.name, unavailable: availability.available ? null : availability.reason };
          })}
          topics={topics}
          segments={segments}
          timeZone={timeZone}
          save={save}
        />
      )}
    </>
  );
}
