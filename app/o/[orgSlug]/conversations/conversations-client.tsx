"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConversationsIcon } from "@/components/ui/icons";
import { ChannelFilter } from "@/components/ui/filter-select";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import { ReconnectBanner } from "../channels/_components/reconnect-banner";
import type { Page } from "@/lib/pagination";
import type { ConversationSummary } from "@/lib/services/conversations/schemas";
import { LiveIndicator } from "./_components/live-indicator";
import { pollInterval, useLiveRefetch } from "./_components/use-live-conversations";
import { previewText } from "./preview-text";
import { conversationQueries } from "./query-options";

export function ConversationsList({
  orgSlug,
  initialPage,
  channels,
}: {
  orgSlug: string;
  initialPage: Page<ConversationSummary>;
  channels: { id: string; name: string; reconnectNeeded: boolean }[];
}) {
  const { t } = useI18n();
  const [channelId, setChannelId] = useState("");
  const live = useLiveRefetch(conversationQueries.all(orgSlug), (event) => event.type !== "presence.changed");
  const query = useInfiniteQuery({
    ...conversationQueries.list(orgSlug, channelId, pollInterval(live)),
    initialData: channelId === "" ? { pages: [initialPage], pageParams: [undefined] } : undefined,
  });
  const conversations = query.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div className="space-y-4">
      <ReconnectBanner channels={channels} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        {channels.length > 1 ? (
          <ChannelFilter label={t("conversations.filter.channel")} allLabel={t("conversations.filter.all")} channels={channels} value={channelId} onChange={setChannelId} />
        ) : (
          <span />
        )}
        <LiveIndicator status={live} failed={query.isRefetchError} />
      </div>
      {query.isPending ? (
        <p className="text-sm text-zinc-500">{t("common.loading")}</p>
      ) : conversations.length === 0 ? (
        <EmptyState icon={<ConversationsIcon className="size-5" />} title={t("conversations.empty.title")} body={t("conversations.empty.body")} />
      ) : (
        <ul className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs" aria-label={t("nav.conversations")}>
          {conversations.map((c) => {
            const label = c.contactName ?? c.psid;
            return (
              <li key={c.id} data-testid="conversation-row" data-psid={c.psid}>
                <Link href={`/o/${orgSlug}/conversations/${c.id}`} className="flex items-center gap-3 px-4 py-3 transition-colors hover:bg-zinc-50">
                  <Avatar label={label} className="size-9" />
                  <div className="min-w-0 flex-1">
                    <div className="flex items-baseline justify-between gap-3">
                      <span className="truncate font-medium text-zinc-900">{c.contactName ?? <span className="font-mono text-sm">{c.psid}</span>}</span>
                      <span className="shrink-0 text-xs text-zinc-500">{c.lastMessageAt ? <Time iso={c.lastMessageAt} /> : null}</span>
                    </div>
                    <div className="mt-0.5 flex items-center gap-2">
                      <Badge className="shrink-0">{c.channelName}</Badge>
                      <span className="truncate text-sm text-zinc-500" data-testid="conversation-preview">
                        {previewText(c, t)}
                      </span>
                    </div>
                  </div>
                </Link>
              </li>
            );
          })}
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
