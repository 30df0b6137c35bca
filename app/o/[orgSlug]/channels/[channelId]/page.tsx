import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getChannelHealth, getChannel, revealVerifyToken } from "@/lib/services/channels";
import { SUBSCRIBED_FIELDS } from "@/lib/services/channels/schemas";
import { getCsatSettings } from "@/lib/services/csat";
import { getLastTokenImport, messagingAvailability, summarizeChannelPermissions } from "@/lib/services/permissions";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../org-page";
import { orNotFound } from "../../or-not-found";
import { listAllSkillGroups } from "../queries";
import { ChannelDetail } from "./channel-client";
import { namedMetadata } from "../../page-metadata";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; channelId: string }> }): Promise<Metadata> {
  const { orgSlug, channelId } = await params;
  return namedMetadata(orgSlug, "channels.read", async (ctx) => (await getChannel({ ctx, channelId })).name, ["nav.channels"]);
}

/** When the page's data was read: anchors the events chart until the first refetch. */
async function loadedAt(): Promise<number> {
  return Date.now();
}

export default async function ChannelPage({ params, searchParams }: { params: Promise<{ orgSlug: string; channelId: string }>; searchParams: Promise<{ reconnected?: string }> }) {
  const [{ orgSlug, channelId }, { reconnected }] = await Promise.all([params, searchParams]);
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "channels.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const canManage = can(ctx, "channels.manage");
  const canImport = can(ctx, "campaigns.manage");
  const [channel, health, verifyToken, groups, renderedAt, csat, permissionSummary, lastImport] = await orNotFound(channelId, () =>
    Promise.all([
      getChannel({ ctx, channelId }),
      getChannelHealth({ ctx, channelId }),
      canManage ? revealVerifyToken({ ctx, channelId }) : Promise.resolve(null),
      listAllSkillGroups(ctx),
      loadedAt(),
      can(ctx, "csat.manage") ? getCsatSettings({ ctx, channelId }) : Promise.resolve(null),
      summarizeChannelPermissions({ ctx, channelId }),
      getLastTokenImport({ ctx, channelId }),
    ]),
  );
  return (
    <ChannelDetail
      orgSlug={ctx.org.slug}
      initial={{ channel, health }}
      initialVerifyToken={verifyToken}
      skillGroupName={groups.find((g) => g.id === channel.skillGroupId)?.name ?? null}
      canManage={canManage}
      requiredFields={[...SUBSCRIBED_FIELDS]}
      renderedAt={renderedAt}
      reconnected={reconnected === "1"}
      csat={csat}
      messaging={{ availability: messagingAvailability(channel), summary: permissionSummary, lastImport, canImport }}
    />
  );
}
