import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { getOrganizationSettings } from "@/lib/services/organizations";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../org-page";
import { CampaignForm } from "../_components/campaign-form";
import { createCampaignAction } from "../actions";
import { channelOptions, segmentOptions } from "../queries";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("campaigns.new", "nav.campaigns");
}

export default async function NewCampaignPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "campaigns.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const [channels, segments, { timeZone }] = await Promise.all([channelOptions(ctx), segmentOptions(ctx), getOrganizationSettings({ ctx })]);
  if (channels.length === 0) redirect(`/o/${ctx.org.slug}/campaigns`);
  const slug = ctx.org.slug;
  async function save(input: Record<string, unknown>) {
    "use server";
    return createCampaignAction(slug, input);
  }
  return (
    <>
      <PageHeader title={t("campaigns.new")} />
      <CampaignForm orgSlug={slug} channels={channels} segments={segments} timeZone={timeZone} save={save} />
    </>
  );
}
