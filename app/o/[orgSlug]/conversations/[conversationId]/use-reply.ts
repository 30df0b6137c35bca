"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import type { ConversationDetail, ConversationMessage } from "@/lib/services/conversations/schemas";
import { TYPING_THROTTLE_MS } from "@/lib/services/conversations/constants";
import type { AttachmentUpload, ReplyInput } from "@/lib/services/conversations";
import type { ActionResult } from "@/lib/tenancy/action";
import { retryReplyAction, sendReplyAction, senderActionAction, threadControlAction } from "../actions";
import { conversationQueries } from "../query-options";

/** What a reply looks like in the thread the moment it is sent, before the server has stored it. */
function optimisticMessage(input: ReplyInput, fileName: string | null, type: string | null): ConversationMessage {
  return {
    id: `optimistic-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    mid: null,
    direction: "outbound",
    kind: fileName ? "attachments" : "text",
    text: input.text ?? null,
    attachments: fileName ? [{ type: type ?? "file", payload: { title: fileName } }] : null,
    quickReplyPayload: null,
    postback: null,
    referral: null,
    reaction: null,
    source: "app",
    campaign: null,
    timestamp: Date.now(),
    delivered: false,
    read: false,
    sendStatus: "sending",
    failureCode: null,
    failureReason: null,
    tag: null,
    quickReplyTitles: input.quickReplies?.map((q) => q.title) ?? null,
  };
}

/**
 * A reply's file goes to the JSON API (session cookie, same-origin) rather than a server action: server actions
 * keep Next's 1 MB body limit, which every page's actions share, signed in or not; the upload route alone takes
 * 25 MB, and only once the caller is known. The file travels as base64.
 */
async function uploadFile(orgSlug: string, conversationId: string, file: File): Promise<ActionResult<AttachmentUpload>> {
  const data = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
  try {
    const res = await fetch(`/api/v1/conversations/${encodeURIComponent(conversationId)}/attachments`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-org-slug": orgSlug },
      body: JSON.stringify({ fileName: file.name, contentType: file.type, data }),
    });
    const body = (await res.json().catch(() => null)) as (AttachmentUpload & { error?: { code: string; message: string } }) | null;
    if (res.ok && body) return { ok: true, data: body };
    return { ok: false, error: { code: body?.error?.code ?? "internal_error", message: body?.error?.message ?? res.statusText } };
  } catch (error) {
    return { ok: false, error: { code: "unavailable", message: (error as Error).message } };
  }
}

/** The composer's server calls, with the thread's cache kept in step (optimistic "sending", then the server's truth). */
export function useReply(orgSlug: string, conversation: ConversationDetail) {
  const queryClient = useQueryClient();
  const queryKey = conversationQueries.detail(orgSlug, conversation.id).queryKey;
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey }), [queryClient, queryKey]);

  const send = useCallback(
    async <T,>(input: ReplyInput, shown: { fileName: string | null; type: string | null }): Promise<ActionResult<T>> => {
      const pending = optimisticMessage(input, shown.fileName, shown.type);
      queryClient.setQueryData<ConversationDetail>(queryKey, (old) => (old ? { ...old, messages: [...old.messages, pending] } : old));
      const result = (await sendReplyAction(orgSlug, conversation.id, input)) as ActionResult<T>;
      if (!result.ok) queryClient.setQueryData<ConversationDetail>(queryKey, (old) => (old ? { ...old, messages: old.messages.filter((m) => m.id !== pending.id) } : old));
      await refresh();
      return result;
    },
    [orgSlug, conversation.id, queryClient, queryKey, refresh],
  );

  const retry = useCallback(
    async (messageId: string) => {
      queryClient.setQueryData<ConversationDetail>(queryKey, (old) =>
        old ? { ...old, messages: old.messages.map((m) => (m.id === messageId ? { ...m, sendStatus: "sending" as const, failureCode: null, failureReason: null } : m)) } : old,
      );
      const result = await retryReplyAction(orgSlug, conversation.id, messageId);
      await refresh();
      return result;
    },
    [orgSlug, conversation.id, queryClient, queryKey, refresh],
  );

  const upload = useCallback((file: File) => uploadFile(orgSlug, conversation.id, file), [orgSlug, conversation.id]);

  const threadControl = useCallback(
    async (action: "take" | "pass") => {
      const result = await threadControlAction(orgSlug, conversation.id, action);
      await refresh();
      return result;
    },
    [orgSlug, conversation.id, refresh],
  );

  return { send, retry, upload, threadControl };
}

/**
 * The typing bubble the person sees: typing_on at most once per TYPING_THROTTLE_MS while the agent types,
 * typing_off when they send or leave the box. The server skips both outside the 24-hour window.
 */
export function useTypingIndicator(orgSlug: string, conversationId: string, enabled: boolean) {
  const lastOn = useRef(0);
  const typing = useRef(false);
  const typed = useCallback(() => {
    if (!enabled) return;
    const now = Date.now();
    if (now - lastOn.current < TYPING_THROTTLE_MS) return;
    lastOn.current = now;
    typing.current = true;
    void senderActionAction(orgSlug, conversationId, "typing_on");
  }, [orgSlug, conversationId, enabled]);
  const stopped = useCallback(() => {
    if (!typing.current) return;
    typing.current = false;
    lastOn.current = 0;
    void senderActionAction(orgSlug, conversationId, "typing_off");
  }, [orgSlug, conversationId]);
  return { typed, stopped };
}

/** mark_seen once per newest inbound message, when an agent has the conversation open and it ends with the person's words. */
export function useMarkSeen(orgSlug: string, conversation: ConversationDetail, enabled: boolean) {
  const last = conversation.messages.at(-1);
  const unread = last && last.direction === "inbound" ? last.id : null;
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!enabled || !unread || marked.current === unread) return;
    marked.current = unread;
    void senderActionAction(orgSlug, conversation.id, "mark_seen");
  }, [orgSlug, conversation.id, unread, enabled]);
}
