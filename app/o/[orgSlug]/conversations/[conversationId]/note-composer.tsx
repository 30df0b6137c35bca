"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { LockIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import { mentionToken } from "@/lib/services/conversations/constants";
import type { ActionError } from "@/lib/tenancy/action";
import { conversationQueries } from "../query-options";
import { addConversationNoteAction } from "./desk-notes-actions";
import { deskNoteQueries } from "./desk-notes-queries";
import { useCaretSuggestions } from "./use-caret-suggestions";

const NOTE_MAX = 2000;

/**
 * Writes a private note (the merger puts it in the composer area's "Reply | Private note" tab). Yellow, and it
 * says so: only the team sees notes; they are never sent to the person. "@" opens a picker of the members who
 * may see this conversation; a chosen member is written as the token `@[Name](membershipId)`, which the thread
 * shows as "@Name" and which notifies them. Ctrl/⌘+Enter adds the note.
 */
export function NoteComposer({ orgSlug, conversationId, onAdded }: { orgSlug: string; conversationId: string; onAdded?: () => void }) {
  const { t, serverMessage } = useI18n();
  const queryClient = useQueryClient();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const picker = useCaretSuggestions({
    textareaRef,
    value: body,
    setValue: setBody,
    marker: "@",
    query: (q) => deskNoteQueries.mentionable(orgSlug, conversationId, q),
    optionKey: (member) => member.membershipId,
    insertOf: (member) => `${mentionToken(member.name, member.membershipId)} `,
    renderOption: (member) => (
      <span className="flex items-center gap-2" data-testid="mention-option">
        <Avatar label={member.name} className="size-5 text-[10px]" />
        <span className="font-medium">{member.name}</span>
        <span className="truncate text-xs text-zinc-500">{member.email}</span>
      </span>
    ),
    label: t("notes.mentions.label"),
    empty: () => t("notes.mentions.empty"),
    testId: "mention-picker",
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim() || pending) return;
    startTransition(async () => {
      const result = await addConversationNoteAction(orgSlug, conversationId, body);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setBody("");
      await queryClient.invalidateQueries({ queryKey: conversationQueries.detail(orgSlug, conversationId).queryKey });
      onAdded?.();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-2 bg-amber-50/60 px-4 py-3" data-testid="note-composer">
      <p id={hintId} className="flex items-center gap-1.5 text-xs font-medium text-amber-800">
        <LockIcon className="size-3.5" />
        {t("notes.private")}
      </p>
      {error && <Alert>{serverMessage(error)}</Alert>}
      <div className="relative">
        {picker.menu}
        <textarea
          ref={textareaRef}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          {...picker.textareaProps}
          onKeyDown={(e) => {
            picker.textareaProps.onKeyDown(e);
            if (!e.defaultPrevented && e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit();
          }}
          aria-label={t("field.note")}
          aria-describedby={hintId}
          placeholder={t("notes.placeholder")}
          rows={3}
          maxLength={NOTE_MAX}
          className="block w-full resize-y rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-zinc-900 placeholder:text-amber-700/60 focus:border-amber-500 focus:outline-none focus:ring-2 focus:ring-amber-200"
          data-testid="note-input"
        />
      </div>
      <div className="flex items-center justify-between gap-3">
        <span className="text-[11px] text-amber-800/80">{t("notes.count", { count: body.length, max: NOTE_MAX })}</span>
        <Button type="submit" size="sm" loading={pending} disabled={!body.trim()} className="bg-amber-600 hover:bg-amber-700">
          {pending ? t("notes.adding") : t("notes.submit")}
        </Button>
      </div>
    </form>
  );
}
