"use client";

import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import type { ConversationDetail } from "@/lib/services/conversations/schemas";
import { pollInterval, useLiveRefetch } from "../_components/use-live-conversations";
import { conversationQueries } from "../query-options";
import { ComposerArea } from "./composer-area";
import { ConversationHeader } from "./header";
import { Thread } from "./thread";

// The contact panel fetches its own data after the page shows; its code loads alongside (not in the first load).
const ContactPanel = lazy(() => import("./contact-panel").then((m) => ({ default: m.ContactPanel })));

/**
 * One conversation, live: the header (who, which channel, the desk's actions), the thread, the composer, and
 * the contact panel beside them.
 * Each part is its own file; this one only lays them out and keeps the data fresh.
 */
export function ConversationView({ orgSlug, initial }: { orgSlug: string; initial: ConversationDetail }) {
  const live = useLiveRefetch(conversationQueries.detail(orgSlug, initial.id).queryKey, (event) => "conversationId" in event && event.conversationId === initial.id);
  const query = useQuery({ ...conversationQueries.detail(orgSlug, initial.id, pollInterval(live)), initialData: initial });
  const c = query.data;
  return (
    <div className="space-y-4">
      <ConversationHeader conversation={c} orgSlug={orgSlug} live={live} failed={query.isRefetchError} />
      {/* The contact panel beside the thread from 1024 px, below it on smaller screens. */}
      {/* One column below 1024 px: minmax(0, 1fr), so no long unbreakable line (a campaign name) widens the page. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <div className="min-w-0 rounded-xl border border-zinc-200 bg-white shadow-xs">
          <Thread conversation={c} orgSlug={orgSlug} />
          <ComposerArea conversation={c} orgSlug={orgSlug} />
        </div>
        <Suspense fallback={<aside className="min-h-32 rounded-xl border border-zinc-200 bg-white shadow-xs" aria-busy="true" />}>
          <ContactPanel orgSlug={orgSlug} conversationId={c.id} />
        </Suspense>
      </div>
    </div>
  );
}
