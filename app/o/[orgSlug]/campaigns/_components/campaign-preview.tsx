"use client";

import type { ReactNode } from "react";
import { contentMessage, invitationMessage, otnRequestMessage, replyMessage, type MessengerMessage } from "@/lib/services/campaigns/constants";
import type { CampaignContent, Invitation } from "@/lib/services/campaigns/schemas";
import { useI18n } from "@/lib/i18n/client";

interface Attachment {
  type?: string;
  payload?: {
    url?: string;
    template_type?: string;
    title?: string;
    elements?: { title?: string; subtitle?: string; image_url?: string; buttons?: { title?: string; url?: string }[] }[];
  };
}

/**
 * The campaign as a Messenger user sees it: chat bubbles rendered from the same Send API message objects
 * the sender posts (lib/services/campaigns/messages.ts), so the preview is what goes out.
 */
export function CampaignPreview({
  invitation,
  requestTitle,
  replyText,
  content,
  pageName,
}: {
  invitation: Invitation | null;
  requestTitle: string;
  replyText: string | null;
  content: CampaignContent;
  pageName?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="rounded-2xl border border-zinc-200 bg-zinc-50 p-4" data-testid="campaign-preview">
      <div className="mb-3 flex items-center gap-2 border-b border-zinc-200 pb-3">
        <div className="flex size-8 items-center justify-center rounded-full bg-accent-600 text-xs font-semibold text-white">{(pageName ?? "P").slice(0, 1)}</div>
        <div className="text-sm font-medium text-zinc-800">{pageName ?? t("campaigns.preview.page")}</div>
      </div>
      <div className="space-y-2">
        <UserEvent>{t("campaigns.preview.opensLink")}</UserEvent>
        {invitation && <Bubble message={invitationMessage(invitation)} testId="preview-invitation" />}
        <Bubble message={otnRequestMessage("00000000-0000-0000-0000-000000000000", requestTitle)} testId="preview-request" />
        <UserEvent>{t("campaigns.preview.tapsNotify")}</UserEvent>
        {replyText && <Bubble message={replyMessage(replyText)} testId="preview-reply" />}
        <UserEvent>{t("campaigns.preview.later")}</UserEvent>
        <Bubble message={contentMessage(content)} testId="preview-content" />
      </div>
    </div>
  );
}

/** A recurring or marketing campaign's one message, as its recipient sees it (no subscription flow before it). */
export function MessagePreview({ content, pageName }: { content: CampaignContent; pageName?: string }) {
  const { t } = useI18n();
  return (
    <div className="mt-3 rounded-2xl border border-zinc-200 bg-zinc-50 p-4" data-testid="campaign-preview">
      <div className="mb-3 flex items-center gap-2 border-b border-zinc-200 pb-3">
        <div className="flex size-8 items-center justify-center rounded-full bg-accent-600 text-xs font-semibold text-white">{(pageName ?? "P").slice(0, 1)}</div>
        <div className="text-sm font-medium text-zinc-800">{pageName ?? t("campaigns.preview.page")}</div>
      </div>
      <Bubble message={contentMessage(content)} testId="preview-content" />
    </div>
  );
}

function UserEvent({ children }: { children: ReactNode }) {
  return <p className="py-1 text-center text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{children}</p>;
}

function Bubble({ message, testId }: { message: MessengerMessage; testId: string }) {
  const { t } = useI18n();
  const empty = <span className="text-zinc-500 italic">{t("campaigns.preview.empty")}</span>;
  const text = message.text as string | undefined;
  const attachment = message.attachment as Attachment | undefined;
  let body: ReactNode;
  if (attachment === undefined) {
    body = <div className="max-w-[80%] rounded-2xl rounded-bl-md bg-white px-3 py-2 text-sm whitespace-pre-wrap text-zinc-900 shadow-xs ring-1 ring-zinc-200">{text || empty}</div>;
  } else if (attachment.type === "image") {
    body = (
      <div className="max-w-[70%] overflow-hidden rounded-2xl bg-white shadow-xs ring-1 ring-zinc-200">
        {/* eslint-disable-next-line @next/next/no-img-element -- any web address the marketer enters */}
        {attachment.payload?.url ? <img src={attachment.payload.url} alt="" className="max-h-48 w-full object-cover" /> : <div className="p-3 text-sm">{empty}</div>}
      </div>
    );
  } else if (attachment.payload?.template_type === "one_time_notif_req") {
    body = (
      <div className="w-64 overflow-hidden rounded-2xl bg-white shadow-xs ring-1 ring-zinc-200">
        <div className="px-3 py-2.5 text-sm font-semibold text-zinc-900">{attachment.payload.title || empty}</div>
        <div className="border-t border-zinc-200 py-2 text-center text-sm font-semibold text-accent-700">{t("campaigns.preview.notifyMe")}</div>
      </div>
    );
  } else {
    const el = attachment.payload?.elements?.[0];
    body = (
      <div className="w-64 overflow-hidden rounded-2xl bg-white shadow-xs ring-1 ring-zinc-200">
        {/* eslint-disable-next-line @next/next/no-img-element -- any web address the marketer enters */}
        {el?.image_url && <img src={el.image_url} alt="" className="h-32 w-full object-cover" />}
        <div className="px-3 py-2.5">
          <div className="text-sm font-semibold text-zinc-900">{el?.title || empty}</div>
          {el?.subtitle && <div className="text-xs text-zinc-500">{el.subtitle}</div>}
        </div>
        {el?.buttons?.map((b, i) => (
          <div key={i} className="border-t border-zinc-200 py-2 text-center text-sm font-semibold text-accent-700">
            {b.title || empty}
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className="flex" data-testid={testId}>
      {body}
    </div>
  );
}
