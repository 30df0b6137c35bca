import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { getTopic, getTopicShare, listRegistrationContacts } from "@/lib/services/topics";
import { can } from "@/lib/tenancy/context";
import { orNotFound } from "../../../or-not-found";
import { orgPageContext } from "../../../org-page";
import { namedMetadata } from "../../../page-metadata";
import { segmentOptions } from "../../queries";
import { RegistrationBadge } from "../registration-badge";
import { TopicDetail } from "./topic-client";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; topicId: string }> }): Promise<Metadata> {
  const { orgSlug, topicId } = await params;
  return namedMetadata(orgSlug, "campaigns.read", async (ctx) => (await getTopic({ ctx, topicId })).title, ["topics.title"]);
}

/** One topic: its registration step, its m.me/rn link and QR code, and invitations to people in the window. */
export default async function TopicPage({ params }: { params: Promise<{ orgSlug: string; topicId: string }> }) {
  const { orgSlug, topicId } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "campaigns.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const canManage = can(ctx, "campaigns.manage");
  const [topic, share] = await orNotFound(topicId, () => Promise.all([getTopic({ ctx, topicId }), getTopicShare({ ctx, topicId })]));
  const [contacts, segments] = canManage ? await Promise.all([listRegistrationContacts({ ctx, topicId }), segmentOptions(ctx)]) : [[], []];
  return (
    <>
      <Link href={`/o/${ctx.org.slug}/campaigns/topics`} className="mb-3 inline-block text-sm text-zinc-500 hover:text-zinc-800">
        ← {t("topics.back")}
      </Link>
      <PageHeader
        title={topic.title}
        description={`${topic.channelName} · ${t(`topics.cadence.${topic.cadence}`)} · ${t("topics.subscribers", topic.subscribers)}`}
        actions={<RegistrationBadge registration={topic.registration} />}
      />
      <TopicDetail orgSlug={ctx.org.slug} topic={topic} share={share} contacts={contacts} segments={segments} canManage={canManage} />
    </>
  );
}
