"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import {
  ATTACHMENT_ACCEPT,
  attachmentProblem,
  QUICK_REPLIES_MAX,
  QUICK_REPLY_TITLE_MAX,
  REPLY_TEXT_MAX,
} from "@/lib/services/conversations/constants";
import type { ConversationDetail } from "@/lib/services/conversations/schemas";
import type { AttachmentUpload } from "@/lib/services/conversations";
import type { ActionError } from "@/lib/tenancy/action";
import { useCannedReplyMenu } from "./canned-reply-menu";
import { useReply, useTypingIndicator } from "./use-reply";

/** A handful of emoji agents reach for; the keyboard's own picker has the rest. */
const EMOJI = ["😊", "🙏", "👍", "🎉", "❤️", "😂", "😅", "🙌", "👋", "✅", "📦", "🚚", "💳", "⏰", "📞", "✨"];

type Chosen = { file: File; upload: AttachmentUpload | null; uploading: boolean };

/**
 * The reply box: a text (Enter sends, Shift+Enter a new line, at most 2,000 characters) with emoji, up to 13
 * quick replies, and one photo or file (uploaded once to Meta when chosen). A text and a file go out as two
 * messages, the file first. The thread shows each at once as "sending".
 */
export function ReplyComposer({ conversation, orgSlug, sendable }: { conversation: ConversationDetail; orgSlug: string; sendable: boolean }) {
  const { t, serverMessage } = useI18n();
  const { send, upload } = useReply(orgSlug, conversation);
  const typing = useTypingIndicator(orgSlug, conversation.id, sendable);
  const [text, setText] = useState("");
  const [quickReplies, setQuickReplies] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  // "/" lists the canned replies; its keys (arrows, Enter to choose) come before the composer's own.
  const canned = useCannedReplyMenu({ textareaRef: box, value: text, setValue: setText, orgSlug, conversationId: conversation.id });
  const fileInput = useRef<HTMLInputElement>(null);
  const label = conversation.contactName ?? conversation.psid;

  const titles = (quickReplies ?? []).map((q) => q.trim()).filter(Boolean);
  const canSend = sendable && !sending && !chosen?.uploading && (text.trim().length > 0 || chosen?.upload != null);

  const refuse = (e: ActionError | string) => setError(typeof e === "string" ? e : serverMessage(e));

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const problem = attachmentProblem({ size: file.size, contentType: file.type });
    if (problem) {
      refuse(t(problem.key, problem.vars));
      return;
    }
    setChosen({ file, upload: null, uploading: true });
    const result = await upload(file);
    if (result.ok) setChosen({ file, upload: result.data, uploading: false });
    else {
      setChosen(null);
      refuse(result.error);
    }
  };

  const submit = async () => {
    if (!canSend) return;
    setSending(true);
    setError(null);
    typing.stopped();
    const words = text.trim();
    const offered = titles.length > 0 ? titles.map((title) => ({ title })) : undefined;
    if (chosen?.upload) {
      const result = await send({ attachment: { uploadId: chosen.upload.id }, quickReplies: words ? undefined : offered }, { fileName: chosen.upload.fileName, type: chosen.upload.type });
      if (!result.ok) {
        setSending(false);
        refuse(result.error);
        return;
      }
      setChosen(null);
    }
    if (words) {
      const result = await send({ text: words, quickReplies: offered }, { fileName: null, type: null });
      if (!result.ok) {
        setSending(false);
        refuse(result.error);
        return;
      }
      setText("");
    }
    setQuickReplies(null);
    setSending(false);
    box.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    canned.textareaProps.onKeyDown(event);
    if (event.defaultPrevented) return;
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const insertEmoji = (emoji: string) => {
    const el = box.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = (text.slice(0, start) + emoji + text.slice(end)).slice(0, REPLY_TEXT_MAX);
    setText(next);
    setEmojiOpen(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  return (
    <div className="space-y-2" data-testid="reply-composer">
      {error && (
        <Alert>
          <span data-testid="composer-error">{error}</span>
        </Alert>
      )}
      {chosen && (
        <div className="flex items-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-1.5 text-xs text-zinc-700" data-testid="composer-attachment">
          <span className="min-w-0 flex-1 truncate">{chosen.uploading ? t("composer.uploading", { name: chosen.file.name }) : chosen.file.name}</span>
          <Button size="sm" variant="ghost" aria-label={t("composer.removeAttachment", { name: chosen.file.name })} onClick={() => setChosen(null)} disabled={sending}>
            <TrashIcon className="size-3.5" />
          </Button>
        </div>
      )}
      <label htmlFor={`reply-${conversation.id}`} className="sr-only">
        {t("composer.label", { name: label })}
      </label>
      <div className="relative">
      {canned.menu}
      <textarea
        {...canned.textareaProps}
        id={`reply-${conversation.id}`}
        ref={box}
        value={text}
        maxLength={REPLY_TEXT_MAX}
        rows={3}
        disabled={!sendable}
        placeholder={t("composer.placeholder")}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value) typing.typed();
        }}
        onBlur={typing.stopped}
        onKeyDown={onKeyDown}
        className="block w-full resize-y rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-500 focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500 disabled:bg-zinc-100"
        data-testid="reply-text"
      />
      </div>
      {quickReplies !== null && (
        <fieldset className="space-y-1.5" data-testid="quick-replies">
          <legend className="text-xs text-zinc-600">{t("composer.quickReplies.limit", { max: QUICK_REPLIES_MAX, chars: QUICK_REPLY_TITLE_MAX })}</legend>
          <div className="flex flex-wrap gap-1.5">
            {quickReplies.map((title, i) => (
              <span key={i} className="inline-flex items-center gap-1">
                <input
                  value={title}
                  maxLength={QUICK_REPLY_TITLE_MAX}
                  aria-label={t("composer.quickReplies.title", { n: i + 1 })}
                  onChange={(event) => setQuickReplies(quickReplies.map((q, j) => (j === i ? event.target.value : q)))}
                  className="h-7 w-36 rounded-full border border-accent-300 px-2.5 text-xs text-accent-800"
                  data-testid="quick-reply-title"
                />
                <button type="button" className="text-zinc-500 hover:text-zinc-800" aria-label={t("composer.quickReplies.remove", { n: i + 1 })} onClick={() => setQuickReplies(quickReplies.filter((_, j) => j !== i))}>
                  ×
                </button>
              </span>
            ))}
            {quickReplies.length < QUICK_REPLIES_MAX && (
              <Button size="sm" variant="ghost" onClick={() => setQuickReplies([...quickReplies, ""])} data-testid="quick-reply-add">
                <PlusIcon className="size-3.5" />
                {t("composer.quickReplies.add")}
              </Button>
            )}
          </div>
        </fieldset>
      )}
      <div className="flex flex-wrap items-center gap-1.5">
        <div className="relative">
          <Button size="sm" variant="ghost" aria-expanded={emojiOpen} aria-label={t("composer.emoji")} disabled={!sendable} onClick={() => setEmojiOpen(!emojiOpen)} data-testid="emoji-button">
            <span aria-hidden="true">😊</span>
          </Button>
          {emojiOpen && (
            <div className="absolute bottom-9 left-0 z-10 grid w-56 grid-cols-8 gap-0.5 rounded-lg border border-zinc-200 bg-white p-1.5 shadow-lg" role="group" aria-label={t("composer.emoji")}>
              {EMOJI.map((emoji) => (
                <button key={emoji} type="button" className="rounded p-1 text-lg hover:bg-zinc-100" onClick={() => insertEmoji(emoji)}>
                  {emoji}
                </button>
              ))}
            </div>
          )}
        </div>
        <Button size="sm" variant="ghost" disabled={!sendable || sending} onClick={() => fileInput.current?.click()} aria-label={t("composer.attach")} title={t("composer.attachHint")} data-testid="attach-button">
          <span aria-hidden="true">📎</span>
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept={ATTACHMENT_ACCEPT}
          className="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="attach-input"
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
        <Button size="sm" variant="ghost" disabled={!sendable} aria-pressed={quickReplies !== null} onClick={() => setQuickReplies(quickReplies === null ? [""] : null)} data-testid="quick-replies-toggle">
          {t("composer.quickReplies")}
        </Button>
        <span className={cn("ml-auto text-[11px] tabular-nums", text.length > REPLY_TEXT_MAX * 0.9 ? "text-amber-800" : "text-zinc-500")} data-testid="reply-counter">
          {t("composer.counter", { count: text.length, max: REPLY_TEXT_MAX })}
        </span>
        <Button size="sm" onClick={() => void submit()} disabled={!canSend} loading={sending} data-testid="reply-send">
          {sending ? t("composer.sending") : t("composer.send")}
        </Button>
      </div>
    </div>
  );
}
