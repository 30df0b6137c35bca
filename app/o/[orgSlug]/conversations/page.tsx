import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAccess } from "@/components/shell/no-access";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { listConversationChannelIds, listConversations } from "@/lib/services/conversations";
import { can } from "@/lib/tenancy/context";
import { listAllChannels } from "../channels/queries";
import { orgPageContext } from "../org-page";
import { ConversationsList } from "./conversations-client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.conversations") };
}

// Its own Suspense rather than a loading.tsx, which would also wrap the [id] pages below and turn their 404s into 200s.
export default function ConversationsPage(props: { params: Promise<{ orgSlug: string }> }) {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <ConversationsContent {...props} />
    </Suspense>
  );
}

async function ConversationsContent({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "conversations.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const [first, allChannels, visible] = await Promise.all([
    listConversations({ ctx, input: { limit: 50 } }),
    can(ctx, "channels.read") ? listAllChannels(ctx) : Promise.resolve([]),
    listConversationChannelIds({ ctx }),
  ]);
  // An agent filters (and is warned about) only the channels of their skill groups.
  const channels = visible === null ? allChannels : allChannels.filter((c) => visible.includes(c.id));
  return (
    <>
      <PageHeader title={t("nav.conversations")} description={t(visible === null ? "conversations.description" : "conversations.descriptionScoped", { org: ctx.org.name })} />
      <ConversationsList
        orgSlug={ctx.org.slug}
        initialPage={first}
        channels={channels.map((c) => ({ id: c.id, name: c.name, reconnectNeeded: c.reconnectNeeded }))}
      />
    </>
  );
}
