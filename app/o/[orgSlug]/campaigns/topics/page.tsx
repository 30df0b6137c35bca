import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { messagingAvailability } from "@/lib/services/permissions";
import { listTopics } from "@/lib/services/topics";
import { can } from "@/lib/tenancy/context";
import { listAllChannels } from "../../channels/queries";
import { orgPageContext } from "../../org-page";
import { CampaignTabs } from "../campaign-tabs";
import { TopicsClient, type TopicChannelOption } from "./topics-client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("topics.title") };
}

/** Recurring topics per channel, with the channels where Meta no longer offers them and why. */
export default async function TopicsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "campaigns.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const [topics, channels] = await Promise.all([listTopics({ ctx }), can(ctx, "channels.read") ? listAllChannels(ctx) : Promise.resolve([])]);
  const options: TopicChannelOption[] = channels.map((c) => {
    const recurring = messagingAvailability(c).recurring;
    return { id: c.id, name: c.name, unavailableReason: recurring.available ? null : recurring.reason };
  });
  return (
    <>
      <PageHeader title={t("topics.title")} description={t("topics.description")} />
      <CampaignTabs orgSlug={ctx.org.slug} current="topics" />
      <TopicsClient orgSlug={ctx.org.slug} topics={topics} channels={options} canManage={can(ctx, "campaigns.manage")} />
    </>
  );
}
