"use client";

import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { ChevronLeftIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import type { ConversationDetail } from "@/lib/services/conversations/schemas";
import { LiveIndicator } from "../_components/live-indicator";
import { DeskActions } from "./desk-actions";
import type { LiveStatus } from "@/components/query/live-events";

/** Who the conversation is with, through which channel, whether the view is live, and the desk's actions on it. */
export function ConversationHeader({ conversation: c, orgSlug, live, failed }: { conversation: ConversationDetail; orgSlug: string; live: LiveStatus; failed: boolean }) {
  const { t } = useI18n();
  const label = c.contactName ?? c.psid;
  return (
    <>
      <Link href={`/o/${orgSlug}/conversations`} className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
        <ChevronLeftIcon className="size-4" />
        {t("conversations.back")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-zinc-200 bg-white px-4 py-3 shadow-xs">
        <div className="flex min-w-0 items-center gap-3">
          <Avatar label={label} className="size-10" />
          <div className="min-w-0">
            <h1 className="truncate text-base font-semibold text-zinc-900" data-testid="conversation-title">
              {label}
            </h1>
            <p className="text-xs text-zinc-500">
              {c.contactName && <span className="mr-2 font-mono">{t("conversations.psid", { psid: c.psid })}</span>}
              {t("conversations.via", { channel: c.channelName })}
            </p>
          </div>
        </div>
        <LiveIndicator status={live} failed={failed} />
        <div className="basis-full border-t border-zinc-100 pt-3">
          <DeskActions orgSlug={orgSlug} conversationId={c.id} />
        </div>
      </div>
    </>
  );
}
