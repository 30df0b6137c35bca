"use client";

import { LockIcon, TrashIcon } from "@/components/ui/icons";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import { noteSegments } from "@/lib/services/conversations/constants";
import type { ConversationNote } from "@/lib/services/conversations/schemas";

/**
 * A private note in the thread: a yellow card with its author, time and words, each mention of a member it
 * notified shown as a chip (a mention that notified nobody stays plain "@Name"). `onDelete` adds the delete
 * button (for the note's author and supervisors; the verb checks again).
 */
export function NoteEntry({ note, onDelete }: { note: ConversationNote; onDelete?: (note: ConversationNote) => void }) {
  const { t } = useI18n();
  const author = note.authorName ?? t("notes.entry.unknownAuthor");
  const notified = new Set(note.mentionedMembershipIds);
  return (
    <li className="flex justify-center" data-testid="note" data-note-id={note.id}>
      <article aria-label={t("notes.entry.label", { author })} className="w-full max-w-[85%] rounded-lg border border-amber-200 bg-amber-50 px-3.5 py-2 text-sm leading-6 text-amber-950 shadow-xs">
        <header className="flex items-center gap-1.5 text-[11px] text-amber-800">
          <LockIcon className="size-3" aria-hidden />
          <span className="font-medium" data-testid="note-author">
            {author}
          </span>
          <span aria-hidden>·</span>
          <Time iso={note.createdAt} />
          {onDelete && (
            <button type="button" onClick={() => onDelete(note)} className="ml-auto rounded p-0.5 text-amber-700 hover:bg-amber-100 hover:text-amber-900" aria-label={t("notes.entry.delete")} title={t("notes.entry.delete")}>
              <TrashIcon className="size-3.5" />
            </button>
          )}
        </header>
        <p className="whitespace-pre-wrap break-words" data-testid="note-body">
          {noteSegments(note.body).map((segment, i) =>
            segment.kind === "text" ? (
              <span key={i}>{segment.text}</span>
            ) : notified.has(segment.membershipId) ? (
              <span key={i} className="rounded bg-amber-200/70 px-1 font-medium text-amber-950" data-testid="note-mention">
                @{segment.name}
              </span>
            ) : (
              <span key={i}>@{segment.name}</span>
            ),
          )}
        </p>
      </article>
    </li>
  );
}
