"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ConversationMessage } from "@/lib/services/conversations/schemas";
import { optinSentence, referralSentence } from "./event-sentences";

type Attachment = NonNullable<ConversationMessage["attachments"]>[number];

const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v));

/** Where the browser loads a message's image from: the app's proxy (app/api/media), never the sender's URL. */
function imageProxyPath(orgSlug: string, messageId: string, index: number): string {
  return `/api/media/${messageId}/${index}?org=${encodeURIComponent(orgSlug)}`;
}

/** A message that is a template card (what the Page sent: a "Notify Me" request, a card, buttons). */
export function isTemplateMessage(message: ConversationMessage): boolean {
  return message.kind === "attachments" && message.attachments?.length === 1 && message.attachments[0].type === "template";
}

function AttachmentView({ attachment, outbound, imagePath }: { attachment: Attachment; outbound: boolean; imagePath: string }) {
  const { t } = useI18n();
  const [broken, setBroken] = useState(false);
  const url = typeof attachment.payload?.url === "string" ? attachment.payload.url : null;
  const kind = ["image", "audio", "video", "file", "location", "sticker", "fallback"].includes(attachment.type) ? attachment.type : "other";
  const label = t(`conversations.attachment.${kind}` as MessageKey);
  // The proxy serves image attachments only; a sticker is named rather than linked to its sender's URL.
  if (kind === "sticker") return <span className="italic">{label}</span>;
  if (kind === "image" && url) {
    // The proxy refuses images off Meta's CDN (a tracking pixel, say): show the label rather than a broken image.
    if (broken) return <span className="italic" data-testid="message-image-refused">{label}</span>;
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
  if (!url) return <span className="italic">{label}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" className={cn("inline-flex items-center gap-1 underline underline-offset-2", outbound ? "text-white" : "text-accent-700")} data-testid="message-attachment-link">
      {t("conversations.attachment.open", { kind: label })}
    </a>
  );
}

type TemplatePayload = {
  template_type?: unknown;
  title?: unknown;
  text?: unknown;
  buttons?: { title?: unknown }[];
  elements?: { title?: unknown; subtitle?: unknown; buttons?: { title?: unknown }[] }[];
};

/**
 * A template as the person saw it in Messenger: the "Notify Me" request is its title over Messenger's own
 * "Notify Me" button (the template carries no button text: Messenger draws it), a generic card its first
 * element, a button template its text; each with its buttons. Images in cards are not loaded (they are
 * the sender's URLs, which the browser must not fetch).
 */
function TemplateCard({ payload, campaign }: { payload: TemplatePayload; campaign: ConversationMessage["campaign"] }) {
  const { t } = useI18n();
  const type = str(payload.template_type);
  const element = type === "generic" ? payload.elements?.[0] : undefined;
  const title = type === "one_time_notif_req" ? str(payload.title) : type === "button" ? str(payload.text) : str(element?.title);
  const subtitle = element ? str(element.subtitle) : "";
  const buttons = type === "one_time_notif_req" ? [t("conversations.template.notifyMe")] : ((type === "button" ? payload.buttons : element?.buttons) ?? []).map((b) => str(b.title));
  return (
    <div className="w-64 max-w-full overflow-hidden rounded-2xl border border-zinc-200 bg-white text-left text-zinc-900 shadow-xs" data-testid="template-card" data-template={type}>
      <div className="px-3.5 py-2.5">
        <p className="font-medium" data-testid="template-title">
          {title || t("conversations.template.card")}
        </p>
        {subtitle && <p className="text-xs text-zinc-500">{subtitle}</p>}
      </div>
      {buttons.map((label, i) => (
        <div key={i} className="border-t border-zinc-200 px-3.5 py-2 text-center text-sm font-medium text-accent-700" data-testid="template-button">
          {label}
        </div>
      ))}
      {campaign && <p className="border-t border-zinc-100 bg-zinc-50 px-3.5 py-1.5 text-[11px] text-zinc-500">{t("conversations.template.campaign", { campaign: campaign.name })}</p>}
    </div>
  );
}

export function MessageBody({ message, orgSlug }: { message: ConversationMessage; orgSlug: string }) {
  const { t } = useI18n();
  const outbound = message.direction === "outbound";
  switch (message.kind) {
    case "postback": {
      const p = message.postback ?? {};
      return (
        <div className="space-y-0.5">
          <p>{t("conversations.postback", { title: str(p.title) || str(message.text) })}</p>
          {p.payload !== undefined && <p className="font-mono text-xs">{t("conversations.postbackPayload", { payload: str(p.payload) })}</p>}
          {message.referral?.ref !== undefined && (
            <p className="text-xs" data-testid="event-sentence">
              {referralSentence(message.referral, message.campaign, t)}
            </p>
          )}
        </div>
      );
    }
    case "referral":
      return <p data-testid="event-sentence">{referralSentence(message.referral ?? {}, message.campaign, t)}</p>;
    case "reaction": {
      const r = message.reaction ?? {};
      if (r.action === "unreact") return <p className="italic">{t("conversations.unreaction")}</p>;
      return <p>{t("conversations.reaction", { emoji: str(r.emoji) || str(r.reaction) })}</p>;
    }
    case "optin":
      return <p data-testid="event-sentence">{optinSentence(message, t)}</p>;
    default:
      if (isTemplateMessage(message)) return <TemplateCard payload={(message.attachments![0].payload ?? {}) as TemplatePayload} campaign={message.campaign} />;
      return (
        <div className="space-y-1.5">
          {message.attachments?.map((a, i) =>
            a.type === "template" ? (
              <TemplateCard key={i} payload={(a.payload ?? {}) as TemplatePayload} campaign={message.campaign} />
            ) : (
              <AttachmentView key={i} attachment={a} outbound={outbound} imagePath={imageProxyPath(orgSlug, message.id, i)} />
            ),
          )}
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
