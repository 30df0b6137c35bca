"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import { composerRule } from "@/lib/services/conversations/constants";
import type { ConversationDetail } from "@/lib/services/conversations/schemas";
import { cn } from "@/components/ui/cn";
import { useI18n } from "@/lib/i18n/client";
import { ComposerRuleLine } from "./composer-rule";
import { ReplyComposer } from "./reply-composer";
import { ThreadControlButtons } from "./thread-lock";
import { useMarkSeen, useReply } from "./use-reply";

// Notes are written less often than replies: the note composer's code loads when its mode is chosen.
const NoteComposer = lazy(() => import("./note-composer").then((m) => ({ default: m.NoteComposer })));

/** The clock the rule is stated against, moving every 30 s so "closes at" turns into "closed" on its own. */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "Reply" (to the person, through Meta) or "Private note" (to the team only): a pair of toggle buttons. */
function ComposerTabs({ mode, onChange }: { mode: "reply" | "note"; onChange: (mode: "reply" | "note") => void }) {
  const { t } = useI18n();
  const tab = (value: "reply" | "note", label: string) => (
    <button
      type="button"
      aria-pressed={mode === value}
      onClick={() => onChange(value)}
      className={cn(
        "rounded-md px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-accent-500",
        mode === value ? (value === "note" ? "bg-amber-100 text-amber-900" : "bg-accent-50 text-accent-800") : "text-zinc-600 hover:bg-zinc-100",
      )}
      data-testid={`composer-mode-${value}`}
    >
      {label}
    </button>
  );
  return (
    <div className="flex gap-1" role="group" aria-label={t("composer.modes")}>
      {tab("reply", t("composer.modeReply"))}
      {tab("note", t("notes.tab"))}
    </div>
  );
}

/**
 * Below the thread: Meta's rule for a reply now (messaging-window.ts, worded by composerRule), the reply box,
 * and Conversation Routing's lock and buttons. The same rule is enforced by the server (409, no call to Meta).
 */
export function ComposerArea({ conversation, orgSlug }: { conversation: ConversationDetail; orgSlug: string }) {
  const now = useNow();
  const rule = composerRule(conversation.reply, now);
  const locked = !rule.sendable && rule.locked === true;
  const { threadControl } = useReply(orgSlug, conversation);
  useMarkSeen(orgSlug, conversation, rule.sendable);
  const [mode, setMode] = useState<"reply" | "note">("reply");
  return (
    <div className="space-y-2 border-t border-zinc-100 px-4 py-3" data-testid="composer-area" data-locked={locked || undefined}>
      <ComposerTabs mode={mode} onChange={setMode} />
      {mode === "note" ? (
        // Notes never reach Meta: no window, no thread owner applies to them.
        <Suspense fallback={null}>
          <NoteComposer orgSlug={orgSlug} conversationId={conversation.id} />
        </Suspense>
      ) : (
        <>
          <ComposerRuleLine rule={rule} orgSlug={orgSlug} />
          {locked ? null : <ReplyComposer conversation={conversation} orgSlug={orgSlug} sendable={rule.sendable} />}
          {conversation.reply.channelUsable && <ThreadControlButtons locked={locked} onChange={threadControl} />}
        </>
      )}
    </div>
  );
}
