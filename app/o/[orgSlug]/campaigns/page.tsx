import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAccess } from "@/components/shell/no-access";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { listCampaigns } from "@/lib/services/campaigns";
import { CAMPAIGN_KINDS, type CampaignKind } from "@/lib/services/campaigns/constants";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../org-page";
import { CampaignTabs } from "./campaign-tabs";
import { CampaignsList } from "./campaigns-client";
import { channelOptions } from "./queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.campaigns") };
}

// Its own Suspense rather than a loading.tsx, which would also wrap the [id] pages below and turn their 404s into 200s.
type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ kind?: string | string[] }> };

export default function CampaignsPage(props: Props) {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <CampaignsContent {...props} />
    </Suspense>
  );
}

/** ?kind=otn|recurring|marketing narrows the list; anything else shows every kind. */
function kindOf(value: string | string[] | undefined): CampaignKind | "" {
  return typeof value === "string" && (CAMPAIGN_KINDS as readonly string[]).includes(value) ? (value as CampaignKind) : "";
}

async function CampaignsContent({ params, searchParams }: Props) {
  const [{ orgSlug }, search] = await Promise.all([params, searchParams]);
  const kind = kindOf(search.kind);
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "campaigns.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const [initial, channels] = await Promise.all([listCampaigns({ ctx, input: { limit: 50, ...(kind && { kind }) } }), can(ctx, "channels.read") ? channelOptions(ctx) : Promise.resolve([])]);
  return (
    <>
      <PageHeader title={t("nav.campaigns")} description={t("campaigns.description")} />
      <CampaignTabs orgSlug={ctx.org.slug} current="campaigns" />
      <CampaignsList orgSlug={ctx.org.slug} channels={channels} initial={initial} kind={kind} canManage={can(ctx, "campaigns.manage")} />
    </>
  );
}
