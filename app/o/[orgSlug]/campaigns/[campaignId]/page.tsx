import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { getCampaignStats, getSubscribersOverTime } from "@/lib/services/campaigns";
import { getCampaign } from "@/lib/services/campaigns";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/tenancy/context";
import { orNotFound } from "../../or-not-found";
import { orgPageContext } from "../../org-page";
import { broadcastState, channelOptions } from "../queries";
import { BroadcastDetail } from "./broadcast-client";
import { CampaignDetail } from "./campaign-client";
import { namedMetadata } from "../../page-metadata";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; campaignId: string }> }): Promise<Metadata> {
  const { orgSlug, campaignId } = await params;
  return namedMetadata(orgSlug, "campaigns.read", async (ctx) => (await getCampaign({ ctx, campaignId })).name, ["nav.campaigns"]);
}

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; campaignId: string }>;
  searchParams: Promise<{ notStarted?: string | string[] }>;
}) {
  const [{ orgSlug, campaignId }, search] = await Promise.all([params, searchParams]);
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "campaigns.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const back = (
    <Link href={`/o/${ctx.org.slug}/campaigns`} className="mb-3 inline-block text-sm text-zinc-500 hover:text-zinc-800">
      ← {t("campaigns.backToList")}
    </Link>
  );
  // Recurring and marketing campaigns have their own page (no share link, subscribers chart or recipient log).
  const broadcast = await orNotFound(campaignId, () => broadcastState(ctx, campaignId));
  if (broadcast.campaign.kind !== "otn") {
    const channels = can(ctx, "channels.read") ? await channelOptions(ctx) : [];
    return (
      <>
        {back}
        <BroadcastDetail
          orgSlug={ctx.org.slug}
          channelName={channels.find((c) => c.id === broadcast.campaign.channelId)?.name ?? ""}
          initial={broadcast}
          canManage={can(ctx, "campaigns.manage")}
          notStarted={search.notStarted === "1"}
        />
      </>
    );
  }
  const [campaign, stats, overTime] = await orNotFound(campaignId, () =>
    Promise.all([getCampaign({ ctx, campaignId }), getCampaignStats({ ctx, campaignId }), getSubscribersOverTime({ ctx, campaignId, input: { bucket: "day" } })]),
  );
  const channels = can(ctx, "channels.read") ? await channelOptions(ctx) : [];
  return (
    <>
      {back}
      <CampaignDetail
        orgSlug={ctx.org.slug}
        channelName={channels.find((c) => c.id === campaign.channelId)?.name ?? ""}
        initial={{ campaign, stats, overTime }}
        canManage={can(ctx, "campaigns.manage")}
      />
    </>
  );
}
