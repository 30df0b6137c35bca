import type { Metadata } from "next";
import { Suspense } from "react";
import { NoAccess } from "@/components/shell/no-access";
import { PageSkeleton } from "@/components/shell/page-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { countConversationViews, listConversationChannelIds, listConversations } from "@/lib/services/conversations";
import { listLabels } from "@/lib/services/labels";
import { listMembers } from "@/lib/services/members";
import { can } from "@/lib/tenancy/context";
import { allPages } from "../all-pages";
import { listAllChannels, listAllSkillGroups } from "../channels/queries";
import { orgPageContext } from "../org-page";
import { ConversationsList } from "./conversations-client";
import { inboxFilters, inboxQueryString, readInboxState } from "./inbox-url";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.conversations") };
}

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Its own Suspense rather than a loading.tsx, which would also wrap the [id] pages below and turn their 404s into 200s.
export default function ConversationsPage(props: Props) {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <ConversationsContent {...props} />
    </Suspense>
  );
}

async function ConversationsContent({ params, searchParams }: Props) {
  const [{ orgSlug }, query] = await Promise.all([params, searchParams]);
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "conversations.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  // The view, filters and search live in the URL, so a reload or a link opens the same inbox.
  const state = readInboxState(query);
  const filters = inboxFilters(state);
  const [first, counts, allChannels, visible, skillGroups, members, labels] = await Promise.all([
    listConversations({ ctx, input: { limit: 50, view: state.view, ...filters } }),
    countConversationViews({ ctx, input: filters }),
    can(ctx, "channels.read") ? listAllChannels(ctx) : Promise.resolve([]),
    listConversationChannelIds({ ctx }),
    can(ctx, "members.read") ? listAllSkillGroups(ctx) : Promise.resolve([]),
    can(ctx, "members.read") ? allPages((input) => listMembers({ ctx, input })) : Promise.resolve([]),
    listLabels({ ctx }),
  ]);
  // An agent filters (and is warned about) only the channels of their skill groups.
  const channels = visible === null ? allChannels : allChannels.filter((c) => visible.includes(c.id));
  return (
    <>
      <PageHeader title={t("nav.conversations")} description={t(visible === null ? "conversations.description" : "conversations.descriptionScoped", { org: ctx.org.name })} />
      <ConversationsList
        key={inboxQueryString(state)}
        orgSlug={ctx.org.slug}
        state={state}
        initialPage={first}
        initialCounts={counts}
        channels={channels.map((c) => ({ id: c.id, name: c.name, reconnectNeeded: c.reconnectNeeded }))}
        skillGroups={skillGroups.map((g) => ({ id: g.id, name: g.name }))}
        members={members.map((m) => ({ id: m.id, name: m.name || m.email }))}
        labels={labels.map((l) => ({ id: l.id, name: l.name, color: l.color }))}
      />
    </>
  );
}
