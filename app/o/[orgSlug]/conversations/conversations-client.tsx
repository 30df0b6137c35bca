"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ChannelFilter, FilterSelect } from "@/components/ui/filter-select";
import { ConversationsIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import type { Page } from "@/lib/pagination";
import { ASSIGNEE_ME, ASSIGNEE_NONE, CONVERSATION_SEARCH_MAX, CONVERSATION_STATUSES, CONVERSATION_VIEWS } from "@/lib/services/conversations/constants";
import type { ConversationListItem, ConversationViewCounts } from "@/lib/services/conversations/schemas";
import { ReconnectBanner } from "../channels/_components/reconnect-banner";
import { LabelChip } from "./_components/label-chip";
import { LiveIndicator } from "./_components/live-indicator";
import { pollInterval, useLiveRefetch } from "./_components/use-live-conversations";
import { inboxFilters, inboxQueryString, isFiltered, type InboxUrlState } from "./inbox-url";
import { previewText } from "./preview-text";
import { conversationQueries } from "./query-options";
import { waitingDuration } from "./waiting-time";

type Option = { id: string; name: string };

const STATUS_TONES: Record<ConversationListItem["status"], BadgeTone> = { open: "accent", pending: "warning", resolved: "neutral" };

/**
 * The inbox: tabs for the views with their counts, the filters and the search (all in the URL: changing one
 * navigates, so the server renders the new first page), and the live list.
 */
export function ConversationsList({
  orgSlug,
  state,
  initialPage,
  initialCounts,
  channels,
  skillGroups,
  members,
  labels,
}: {
  orgSlug: string;
  state: InboxUrlState;
  initialPage: Page<ConversationListItem>;
  initialCounts: ConversationViewCounts;
  channels: { id: string; name: string; reconnectNeeded: boolean }[];
  skillGroups: Option[];
  members: Option[];
  labels: (Option & { color: string })[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [navigating, startNavigating] = useTransition();
  const filters = inboxFilters(state);
  const live = useLiveRefetch(conversationQueries.all(orgSlug), (event) => event.type !== "presence.changed");
  const query = useInfiniteQuery({
    ...conversationQueries.list(orgSlug, state.view, filters, pollInterval(live)),
    initialData: { pages: [initialPage], pageParams: [undefined] },
  });
  const counts = useQuery({ ...conversationQueries.viewCounts(orgSlug, filters, pollInterval(live)), initialData: initialCounts }).data;
  const conversations = query.data?.pages.flatMap((p) => p.data) ?? [];
  const go = (next: Partial<InboxUrlState>) => startNavigating(() => router.replace(`${pathname}?${inboxQueryString({ ...state, ...next })}`, { scroll: false }));
  const hrefOf = (next: Partial<InboxUrlState>) => `${pathname}?${inboxQueryString({ ...state, ...next })}`;
  const filtered = isFiltered(state);

  return (
    <div className="space-y-4">
      <ReconnectBanner channels={channels} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("inbox.views")} className="flex gap-1 rounded-lg bg-zinc-100 p-1">
          {CONVERSATION_VIEWS.map((view) => (
            <Link
              key={view}
              href={hrefOf({ view })}
              replace
              scroll={false}
              aria-current={state.view === view ? "page" : undefined}
              data-testid={`inbox-view-${view}`}
              className={cn(
                "flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
                state.view === view ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-600 hover:text-zinc-900",
              )}
            >
              {t(`inbox.view.${view}`)}
              <span className="rounded-full bg-zinc-200/70 px-1.5 text-xs tabular-nums text-zinc-700" data-testid={`inbox-count-${view}`}>
                {counts[view]}
              </span>
            </Link>
          ))}
        </nav>
        <LiveIndicator status={live} failed={query.isRefetchError} />
      </div>
      <SearchBox initial={state.q} onSearch={(q) => go({ q })} />
      <div className="flex flex-wrap items-end gap-3">
        <FilterSelect
          label={t("inbox.filter.status")}
          allLabel={t("inbox.filter.anyStatus")}
          value={state.status}
          onChange={(status) => go({ status })}
          options={CONVERSATION_STATUSES.map((s) => ({ value: s, label: t(`inbox.status.${s}`) }))}
        />
        {channels.length > 1 && <ChannelFilter label={t("conversations.filter.channel")} allLabel={t("conversations.filter.all")} channels={channels} value={state.channelId} onChange={(channelId) => go({ channelId })} />}
        {skillGroups.length > 1 && (
          <FilterSelect
            label={t("inbox.filter.skillGroup")}
            allLabel={t("inbox.filter.anySkillGroup")}
            value={state.skillGroupId}
            onChange={(skillGroupId) => go({ skillGroupId })}
            options={skillGroups.map((g) => ({ value: g.id, label: g.name }))}
          />
        )}
        <FilterSelect
          label={t("inbox.filter.assignee")}
          allLabel={t("inbox.filter.anyAssignee")}
          value={state.assignee}
          onChange={(assignee) => go({ assignee })}
          options={[
            { value: ASSIGNEE_ME, label: t("inbox.filter.assigneeMe") },
            { value: ASSIGNEE_NONE, label: t("inbox.filter.assigneeNone") },
            ...members.map((m) => ({ value: m.id, label: m.name })),
          ]}
        />
        {labels.length > 0 && (
          <FilterSelect label={t("inbox.filter.label")} allLabel={t("inbox.filter.anyLabel")} value={state.labelId} onChange={(labelId) => go({ labelId })} options={labels.map((l) => ({ value: l.id, label: l.name }))} />
        )}
        {filtered && (
          <Button variant="ghost" onClick={() => go({ status: "", channelId: "", skillGroupId: "", assignee: "", labelId: "", q: "" })}>
            {t("inbox.filter.clear")}
          </Button>
        )}
      </div>
      {conversations.length === 0 ? (
        <EmptyState icon={<ConversationsIcon className="size-5" />} {...emptyWords(state, filtered, t)} />
      ) : (
        <ul
          className={cn("divide-y divide-zinc-100 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs", navigating && "opacity-60")}
          aria-label={t("nav.conversations")}
          aria-busy={navigating}
        >
          {conversations.map((c) => (
            <ConversationRow key={c.id} orgSlug={orgSlug} conversation={c} />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t("common.loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}

function emptyWords(state: InboxUrlState, filtered: boolean, t: ReturnType<typeof useI18n>["t"]) {
  if (filtered) return { title: t("inbox.empty.filtered.title"), body: t("inbox.empty.filtered.body") };
  if (state.view === "mine") return { title: t("inbox.empty.mine.title"), body: t("inbox.empty.mine.body") };
  if (state.view === "unassigned") return { title: t("inbox.empty.unassigned.title"), body: t("inbox.empty.unassigned.body") };
  return { title: t("conversations.empty.title"), body: t("conversations.empty.body") };
}

/** The search field: searches on Enter (or the button), so typing does not navigate on every key. */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  return (
    <form
      role="search"
      className="flex flex-wrap gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(value.trim());
      }}
    >
      <Input
        type="search"
        name="q"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={t("inbox.search.placeholder")}
        aria-label={t("inbox.search.label")}
        maxLength={CONVERSATION_SEARCH_MAX}
        className="min-w-0 flex-1 sm:max-w-md"
        data-testid="inbox-search"
      />
      <Button type="submit" variant="secondary">
        {t("inbox.search.submit")}
      </Button>
      {initial && (
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setValue("");
            onSearch("");
          }}
        >
          {t("inbox.search.clear")}
        </Button>
      )}
    </form>
  );
}

/** The clock the waiting times count from, ticking each minute. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function ConversationRow({ orgSlug, conversation: c }: { orgSlug: string; conversation: ConversationListItem }) {
  const { t, locale } = useI18n();
  const now = useMinuteClock();
  const label = c.contactName ?? c.psid;
  const queued = c.status === "open" && !c.assigneeMembershipId && c.queuedAt;
  return (
    <li data-testid="conversation-row" data-psid={c.psid} data-status={c.status}>
      <Link href={`/o/${orgSlug}/conversations/${c.id}`} className="flex items-start gap-3 px-4 py-3 transition-colors hover:bg-zinc-50">
        <Avatar label={label} className="mt-0.5 size-9" />
        <div className="min-w-0 flex-1 space-y-1">
          <div className="flex items-baseline justify-between gap-3">
            <span className="truncate font-medium text-zinc-900">{c.contactName ?? <span className="font-mono text-sm">{c.psid}</span>}</span>
            <span className="shrink-0 text-xs text-zinc-500">{c.lastMessageAt ? <Time iso={c.lastMessageAt} /> : null}</span>
          </div>
          <p className="truncate text-sm text-zinc-500" data-testid="conversation-preview">
            {c.matchSnippet ? (
              <span data-testid="conversation-match" className="text-zinc-700">
                {t("inbox.match", { snippet: c.matchSnippet })}
              </span>
            ) : (
              previewText(c, t)
            )}
          </p>
          <div className="flex flex-wrap items-center gap-1.5 text-xs">
            <Badge tone={STATUS_TONES[c.status]} className="shrink-0">
              <span data-testid="conversation-status">{t(`inbox.status.${c.status}`)}</span>
            </Badge>
            {c.withBot && (
              <Badge tone="success" className="shrink-0">
                <span data-testid="conversation-with-bot">{t("botDesk.withBot")}</span>
              </Badge>
            )}
            <Badge className="shrink-0">{c.channelName}</Badge>
            <span className="text-zinc-500" data-testid="conversation-assignee">
              {c.assigneeName ? t("inbox.assignedTo", { name: c.assigneeName }) : t("inbox.unassigned")}
            </span>
            {queued && (
              <span className="font-medium text-amber-700" data-testid="conversation-waiting" suppressHydrationWarning>
                {t("inbox.waiting", { duration: waitingDuration(c.queuedAt!, now, locale) })}
              </span>
            )}
            {c.labels.map((l) => (
              <LabelChip key={l.id} name={l.name} color={l.color} />
            ))}
          </div>
        </div>
      </Link>
    </li>
  );
}
