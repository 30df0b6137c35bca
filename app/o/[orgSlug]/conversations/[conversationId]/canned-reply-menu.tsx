"use client";

import type { RefObject } from "react";
import { useI18n } from "@/lib/i18n/client";
import { deskNoteQueries } from "./desk-notes-queries";
import { useCaretSuggestions, type CaretSuggestions } from "./use-caret-suggestions";

/**
 * The composer's "/" menu. Wire it into the reply textarea:
 *
 *   const canned = useCannedReplyMenu({ textareaRef, value, setValue, orgSlug, conversationId });
 *   <div className="relative">
 *     {canned.menu}
 *     <textarea ref={textareaRef} value={value} onChange={...} {...canned.textareaProps}
 *       onKeyDown={(e) => { canned.textareaProps.onKeyDown(e); if (!e.defaultPrevented) ownKeyDown(e); }} />
 *   </div>
 *
 * Typing "/" at the start of the text or of a word lists the canned replies of the organisation and of the
 * conversation's skill group (searched on the server as the word grows); choosing one replaces the "/word"
 * with its content, variables already filled in for this conversation.
 */
export function useCannedReplyMenu({
  textareaRef,
  value,
  setValue,
  orgSlug,
  conversationId,
}: {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  value: string;
  setValue: (next: string) => void;
  orgSlug: string;
  conversationId: string;
}): CaretSuggestions {
  const { t } = useI18n();
  return useCaretSuggestions({
    textareaRef,
    value,
    setValue,
    marker: "/",
    query: (q) => deskNoteQueries.cannedReplies(orgSlug, conversationId, q),
    optionKey: (reply) => reply.id,
    insertOf: (reply) => reply.rendered,
    renderOption: (reply) => (
      <span className="block min-w-0" data-testid="canned-reply-option">
        <span className="font-mono text-xs font-medium text-zinc-900">/{reply.shortcut}</span>
        {reply.skillGroupName && <span className="ml-2 text-[11px] text-zinc-500">{reply.skillGroupName}</span>}
        <span className="block truncate text-zinc-600">{reply.rendered}</span>
      </span>
    ),
    label: t("cannedReplies.menu.label"),
    empty: (query) => t("cannedReplies.menu.empty", { query }),
    hint: t("cannedReplies.menu.hint"),
    testId: "canned-reply-menu",
  });
}
