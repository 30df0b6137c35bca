import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { listCampaigns } from "@/lib/services/campaigns";
import { listLabels } from "@/lib/services/labels";
import { listSegments } from "@/lib/services/segments";
import { can } from "@/lib/tenancy/context";
import { allPages } from "../all-pages";
import { channelOptions } from "../campaigns/queries";
import { orgPageContext } from "../org-page";
import { AudiencesClient } from "./audiences-client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.audiences") };
}

/** Audiences: the organisation's segments with their live counts, and what their conditions can name. */
export default async function AudiencesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "segments.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const [segments, labels, channels, campaigns] = await Promise.all([
    listSegments({ ctx }),
    can(ctx, "conversations.read") ? listLabels({ ctx }) : Promise.resolve([]),
    can(ctx, "channels.read") ? channelOptions(ctx) : Promise.resolve([]),
    can(ctx, "campaigns.read") ? allPages((input) => listCampaigns({ ctx, input })) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader title={t("segments.title")} description={t("segments.description")} />
      <AudiencesClient
        orgSlug={ctx.org.slug}
        segments={segments}
        options={{
          labels: labels.map((l) => ({ id: l.id, name: l.name })),
          channels,
          campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })),
        }}
        canManage={can(ctx, "segments.manage")}
      />
    </>
  );
}
