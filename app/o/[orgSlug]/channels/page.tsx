import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAccess } from "@/components/shell/no-access";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { platformApp } from "@/lib/meta/platform-app";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../org-page";
import { ChannelsList } from "./channels-client";
import { listAllChannels, listAllSkillGroups } from "./queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.channels") };
}

// Its own Suspense rather than a loading.tsx, which would also wrap the [id] pages below and turn their 404s into 200s.
export default function ChannelsPage(props: { params: Promise<{ orgSlug: string }> }) {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <ChannelsContent {...props} />
    </Suspense>
  );
}

async function ChannelsContent({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "channels.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const [channels, groups] = await Promise.all([listAllChannels(ctx), listAllSkillGroups(ctx)]);
  return (
    <>
      <PageHeader title={t("nav.channels")} />
      <ChannelsList
        orgSlug={ctx.org.slug}
        orgName={ctx.org.name}
        channels={channels}
        skillGroupNames={Object.fromEntries(groups.map((g) => [g.id, g.name]))}
        canManage={can(ctx, "channels.manage")}
        facebookLogin={platformApp() !== null}
      />
    </>
  );
}
