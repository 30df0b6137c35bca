"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ChevronLeftIcon } from "@/components/ui/icons";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ConversationDetail, ConversationMessage } from "@/lib/services/conversations/schemas";
import { LiveIndicator } from "../_components/live-indicator";
import { conversationQueries } from "../query-options";

type Attachment = NonNullable<ConversationMessage["attachments"]>[number];

/** Where the browser loads a message's image from: the app's proxy (app/api/media), never the sender's URL. */
function imageProxyPath(orgSlug: string, messageId: string, index: number): string {
  return `/api/media/${messageId}/${index}?org=${encodeURIComponent(orgSlug)}`;
}

function AttachmentView({ attachment, outbound, imagePath }: { attachment: Attachment; outbound: boolean; imagePath: string }) {
  const { t } = useI18n();
  const [broken, setBroken] = useState(false);
  const url = typeof attachment.payload?.url === "string" ? attachment.payload.url : null;
  const kind = ["image", "audio", "video", "file", "location"].includes(attachment.type) ? attachment.type : "other";
  const label = t(`conversations.attachment.${kind}` as MessageKey);
  if (kind === "image" && url) {
    // The proxy refuses images off Meta's CDN (a tracking pixel, say): show the label rather than a broken image.
    if (broken) return <span className="italic opacity-80" data-testid="message-image-refused">{label}</span>;
    return (
      <a href={imagePath} target="_blank" rel="noreferrer noopener" className="block">
        {/* eslint-disable-next-line @next/next/no-img-element -- a same-origin proxy URL; next/image would only add a second proxy. */}
        <img src={imagePath} alt={label} onError={() => setBroken(true)} className="max-h-64 min-h-12 min-w-12 max-w-full rounded-lg border border-black/5 bg-white object-contain" data-testid="message-image" />
      </a>
    );
  }
  if (kind === "location") {
    const c = attachment.payload?.coordinates;
    const href = c?.lat !== undefined && c?.long !== undefined ? `https://www.openstreetmap.org/?mlat=${c.lat}&mlon=${c.long}#map=15/${c.lat}/${c.long}` : url;
    return (
      <span className="inline-flex items-center gap-1">
        <span aria-hidden="true">📍</span>
        {href ? (
          <a href={href} target="_blank" rel="noreferrer noopener" className="underline underline-offset-2">
            {attachment.payload?.title || label}
            {c?.lat !== undefined && ` (${c.lat}, ${c.long})`}
          </a>
        ) : (
          label
        )}
      </span>
    );
  }
  if (!url) return <span className="italic opacity-80">{label}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" className={cn("inline-flex items-center gap-1 underline underline-offset-2", outbound ? "text-white" : "text-accent-700")} data-testid="message-attachment-link">
      {t("conversations.attachment.open", { kind: label })}
    </a>
  );
}

function MessageBody({ message, orgSlug }: { message: ConversationMessage; orgSlug: string }) {
  const { t } = useI18n();
  const outbound = message.direction === "outbound";
  const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v));
  switch (message.kind) {
    case "postback": {
      const p = message.postback ?? {};
      const ref = message.referral?.ref;
      return (
        <div className="space-y-0.5">
          <p>{t("conversations.postback", { title: str(p.title) || str(message.text) })}</p>
          {p.payload !== undefined && <p className="font-mono text-xs opacity-75">{t("conversations.postbackPayload", { payload: str(p.payload) })}</p>}
          {ref !== undefined && <p className="text-xs opacity-75">{t("conversations.referral", { ref: str(ref) })}</p>}
        </div>
      );
    }
    case "referral": {
      const r = message.referral ?? {};
      return (
        <div className="space-y-0.5">
          <p>{t("conversations.referral", { ref: str(r.ref) || "—" })}</p>
          {r.source !== undefined && <p className="text-xs opacity-75">{t("conversations.referralSource", { source: str(r.source) })}</p>}
        </div>
      );
    }
    case "reaction": {
      const r = message.reaction ?? {};
      if (r.action === "unreact") return <p className="italic">{t("conversations.unreaction")}</p>;
      return <p>{t("conversations.reaction", { emoji: str(r.emoji) || str(r.reaction) })}</p>;
    }
    case "optin":
      return <p>{t("conversations.optin", { type: str(message.postback?.type) || "—" })}</p>;
    default:
      return (
        <div className="space-y-1.5">
          {message.attachments?.map((a, i) => <AttachmentView key={i} attachment={a} outbound={outbound} imagePath={imageProxyPath(orgSlug, message.id, i)} />)}
          {message.text && <p className="whitespace-pre-wrap break-words" data-testid="message-text">{message.text}</p>}
          {message.quickReplyPayload && (
            <p className={cn("inline-block rounded px-1.5 py-0.5 font-mono text-[11px]", outbound ? "bg-white/15" : "bg-zinc-200/70 text-zinc-600")}>
              {t("conversations.quickReply", { payload: message.quickReplyPayload })}
            </p>
          )}
        </div>
      );
  }
}

function Bubble({ message, orgSlug }: { message: ConversationMessage; orgSlug: string }) {
  const { t } = useI18n();
  const outbound = message.direction === "outbound";
  const event = message.kind === "reaction" || message.kind === "referral" || message.kind === "optin";
  const receipt = outbound ? (message.read ? t("conversations.read") : message.delivered ? t("conversations.delivered") : t("conversations.sent")) : null;
  return (
    <li
      className={cn("flex flex-col", outbound ? "items-end" : "items-start")}
      data-testid="message"
      data-direction={message.direction}
      data-kind={message.kind}
      data-source={message.source}
    >
      <div
        className={cn(
          "max-w-[80%] rounded-2xl px-3.5 py-2 text-sm leading-6 shadow-xs",
          event
            ? "border border-dashed border-zinc-300 bg-white text-zinc-600"
            : outbound
              ? message.source === "echo"
                ? "rounded-br-md bg-accent-500/90 text-white"
                : "rounded-br-md bg-accent-600 text-white"
              : "rounded-bl-md bg-zinc-100 text-zinc-900",
        )}
      >
        <MessageBody message={message} orgSlug={orgSlug} />
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-1.5 px-1 text-[11px] text-zinc-400">
        <Time iso={new Date(message.timestamp).toISOString()} />
        {message.source === "echo" && (
          <Badge tone="neutral" className="text-[10px]">
            <span data-testid="echo-mark">{t("conversations.echo")}</span>
          </Badge>
        )}
        {receipt && <span data-testid="receipt">{receipt}</span>}
      </div>
    </li>
  );
}

export function ConversationView({ orgSlug, initial }: { orgSlug: string; initial: ConversationDetail }) {
  const { t } = useI18n();
  const query = useQuery({ ...conversationQueries.detail(orgSlug, initial.id), initialData: initial });
  const c = query.data;
  const end = useRef<HTMLDivElement>(null);
  const count = c.messages.length;
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [count]);
  const label = c.contactName ?? c.psid;
  return (
    <div className="space-y-4">
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
        <LiveIndicator failed={query.isRefetchError} />
      </div>
      <div className="rounded-xl border border-zinc-200 bg-white shadow-xs">
        <div className="max-h-[65vh] min-h-64 overflow-y-auto px-4 py-5">
          {c.hasOlder && <p className="mb-4 text-center text-xs text-zinc-400">{t("conversations.olderHidden")}</p>}
          {c.messages.length === 0 ? (
            <p className="py-10 text-center text-sm text-zinc-500">{t("conversations.noMessages")}</p>
          ) : (
            <ol className="space-y-3" data-testid="messages">
              {c.messages.map((m) => (
                <Bubble key={m.id} message={m} orgSlug={orgSlug} />
              ))}
            </ol>
          )}
          <div ref={end} />
        </div>
        <p className="border-t border-zinc-100 px-4 py-2.5 text-xs text-zinc-500">{t("conversations.readOnly")}</p>
      </div>
    </div>
  );
}
