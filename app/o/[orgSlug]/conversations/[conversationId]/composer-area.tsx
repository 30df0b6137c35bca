"use client";

import { useEffect, useState } from "react";
import { composerRule } from "@/lib/services/conversations/constants";
import type { ConversationDetail } from "@/lib/services/conversations/schemas";
import { ComposerRuleLine } from "./composer-rule";
import { ReplyComposer } from "./reply-composer";
import { ThreadControlButtons } from "./thread-lock";
import { useMarkSeen, useReply } from "./use-reply";

/** The clock the rule is stated against, moving every 30 s so "closes at" turns into "closed" on its own. */
function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
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
  return (
    <div className="space-y-2 border-t border-zinc-100 px-4 py-3" data-testid="composer-area" data-locked={locked || undefined}>
      <ComposerRuleLine rule={rule} orgSlug={orgSlug} />
      {locked ? null : <ReplyComposer conversation={conversation} orgSlug={orgSlug} sendable={rule.sendable} />}
      {conversation.reply.channelUsable && <ThreadControlButtons locked={locked} onChange={threadControl} />}
    </div>
  );
}
