"use client";

import { useEffect, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import type { ConversationDetail, ConversationMessage } from "@/lib/services/conversations/schemas";
import { ActivityEntry } from "./activity-entry";
import { isTemplateMessage, MessageBody } from "./message-body";
import type { ActionResult } from "@/lib/tenancy/action";
import { MessageState } from "./message-state";
import { NoteEntry } from "./note-entry";
import { timelineItems } from "./timeline-items";
import { useReply } from "./use-reply";

export function Bubble({ message, orgSlug, onRetry }: { message: ConversationMessage; orgSlug: string; onRetry?: (messageId: string) => Promise<ActionResult<unknown>> }) {
  const { t } = useI18n();
  const outbound = message.direction === "outbound";
  const event = message.kind === "reaction" || message.kind === "referral" || message.kind === "optin";
  // A card is shown as Messenger showed it, not inside a chat bubble.
  const card = isTemplateMessage(message);
  return (
    <li
      className={cn("flex flex-col", outbound ? "items-end" : "items-start")}
      data-testid="message"
      data-direction={message.direction}
      data-kind={message.kind}
      data-source={message.source}
      data-send-status={message.sendStatus ?? undefined}
    >
      <div
        className={cn(
          "max-w-[80%] rounded-2xl text-sm leading-6",
          card
            ? null
            : event
              ? "border border-dashed border-zinc-300 bg-white px-3.5 py-2 text-zinc-600 shadow-xs"
              : outbound
                ? cn("rounded-br-md px-3.5 py-2 text-white shadow-xs", message.source === "echo" ? "bg-accent-700" : "bg-accent-600")
                : "rounded-bl-md bg-zinc-100 px-3.5 py-2 text-zinc-900 shadow-xs",
        )}
      >
        <MessageBody message={message} orgSlug={orgSlug} />
      </div>
      {message.quickReplyTitles && message.quickReplyTitles.length > 0 && (
        <ul className="mt-1 flex max-w-[80%] flex-wrap justify-end gap-1" aria-label={t("composer.quickReplyOffered", { titles: message.quickReplyTitles.join(", ") })} data-testid="offered-quick-replies">
          {message.quickReplyTitles.map((title, i) => (
            <li key={i} className="rounded-full border border-accent-300 bg-white px-2.5 py-0.5 text-xs text-accent-800">
              {title}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-1.5 px-1 text-[11px] text-zinc-500">
        <Time iso={new Date(message.timestamp).toISOString()} />
        {message.source === "echo" && (
          <Badge tone="neutral" className="text-[10px]">
            <span data-testid="echo-mark">{t("conversations.echo")}</span>
          </Badge>
        )}
        {message.source === "app" && (
          <Badge tone="accent" className="text-[10px]">
            <span data-testid="app-mark">{t("conversations.sentByUs")}</span>
          </Badge>
        )}
        {message.source === "bot" && (
          <Badge tone="success" className="text-[10px]">
            <span data-testid="bot-mark">{t("botDesk.sentByBot")}</span>
          </Badge>
        )}
        {message.source === "standby" && (
          <Badge tone="neutral" className="text-[10px]">
            <span data-testid="standby-mark">{t("composer.seenInStandby")}</span>
          </Badge>
        )}
        {message.tag === "HUMAN_AGENT" && (
          <Badge tone="neutral" className="text-[10px]">
            <span data-testid="human-agent-mark">{t("composer.status.humanAgent")}</span>
          </Badge>
        )}
        <MessageState message={message} onRetry={onRetry} />
      </div>
    </li>
  );
}

/** The conversation's history, oldest first (messages, private notes and desk events), kept scrolled to the newest. */
export function Thread({ conversation: c, orgSlug }: { conversation: ConversationDetail; orgSlug: string }) {
  const { t } = useI18n();
  const { retry } = useReply(orgSlug, c);
  const end = useRef<HTMLDivElement>(null);
  const count = c.messages.length + c.notes.length + c.activities.length;
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [count]);
  return (
    <div className="max-h-[65vh] min-h-64 overflow-y-auto px-4 py-5">
      {c.hasOlder && <p className="mb-4 text-center text-xs text-zinc-500">{t("conversations.olderHidden")}</p>}
      {c.messages.length === 0 ? (
        <p className="py-10 text-center text-sm text-zinc-500">{t("conversations.noMessages")}</p>
      ) : (
        <ol className="space-y-3" data-testid="messages">
          {timelineItems(c.messages, c.notes, c.activities).map((item) =>
            item.kind === "message" ? (
              <Bubble key={item.key} message={item.message} orgSlug={orgSlug} onRetry={retry} />
            ) : item.kind === "note" ? (
              <NoteEntry key={item.key} note={item.note} />
            ) : (
              <ActivityEntry key={item.key} activity={item.activity} />
            ),
          )}
        </ol>
      )}
      <div ref={end} />
    </div>
  );
}
