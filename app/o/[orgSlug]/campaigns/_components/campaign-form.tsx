"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { REQUEST_TITLE_MAX, TEXT_MAX, type Campaign, type CampaignContent, type Invitation } from "@/lib/services/campaigns/schemas";
import { useI18n } from "@/lib/i18n/client";
import type { ActionError, ActionResult } from "@/lib/tenancy/action";
import { CampaignPreview } from "./campaign-preview";
import { isoToLocal, localToIsoWithOffset, timeZoneLabel } from "./local-time";

export interface ChannelOption {
  id: string;
  name: string;
}

type InvitationType = "none" | "text" | "image";
type ContentType = CampaignContent["type"];

/**
 * Create or edit an OTN campaign, with a live preview built by the sender's own message builders. The
 * scheduled time is typed in the browser's zone and sent as ISO 8601 with its offset (the server stores UTC).
 * Validation is the service's (shared zod schemas); its field errors show under each field.
 */
export function CampaignForm({
  orgSlug,
  channels,
  campaign,
  save,
}: {
  orgSlug: string;
  channels: ChannelOption[];
  campaign?: Campaign;
  save: (input: Record<string, unknown>) => Promise<ActionResult<{ id: string }>>;
}) {
  const { t, serverMessage } = useI18n();
  const router = useRouter();
  const editing = Boolean(campaign);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  // The browser's zone is known only in the browser: the server renders without it, hydration fills it in.
  const zone = useSyncExternalStore(noop, timeZoneLabel, () => "");
  const hydrated = useSyncExternalStore(noop, () => true, () => false);

  const [name, setName] = useState(campaign?.name ?? "");
  const [channelId, setChannelId] = useState(campaign?.channelId ?? channels[0]?.id ?? "");
  const [invitationType, setInvitationType] = useState<InvitationType>(campaign?.invitation?.type ?? "none");
  const [invitationText, setInvitationText] = useState(campaign?.invitation?.type === "text" ? campaign.invitation.text : "");
  const [invitationUrl, setInvitationUrl] = useState(campaign?.invitation?.type === "image" ? campaign.invitation.url : "");
  const [requestTitle, setRequestTitle] = useState(campaign?.requestTitle ?? "");
  const [replyText, setReplyText] = useState(campaign?.replyText ?? "");
  const c = campaign?.content;
  const [contentType, setContentType] = useState<ContentType>(c?.type ?? "text");
  const [contentText, setContentText] = useState(c?.type === "text" ? c.text : "");
  const [imageUrl, setImageUrl] = useState(c?.type === "image" ? c.url : "");
  const [cardImageUrl, setCardImageUrl] = useState(c?.type === "card" ? (c.imageUrl ?? "") : "");
  const [cardTitle, setCardTitle] = useState(c?.type === "card" ? c.title : "");
  const [cardSubtitle, setCardSubtitle] = useState(c?.type === "card" ? (c.subtitle ?? "") : "");
  const [buttonTitle, setButtonTitle] = useState(c?.type === "card" ? c.button.title : "");
  const [buttonUrl, setButtonUrl] = useState(c?.type === "card" ? c.button.url : "");
  const [typedTime, setScheduledLocal] = useState<string | null>(null);
  const scheduledLocal = typedTime ?? (hydrated ? isoToLocal(campaign?.scheduledAt ?? null) : "");

  const invitation: Invitation | null =
    invitationType === "text" ? { type: "text", text: invitationText } : invitationType === "image" ? { type: "image", url: invitationUrl } : null;
  const content: CampaignContent =
    contentType === "text"
      ? { type: "text", text: contentText }
      : contentType === "image"
        ? { type: "image", url: imageUrl }
        : {
            type: "card",
            title: cardTitle,
            ...(cardImageUrl.trim() && { imageUrl: cardImageUrl }),
            ...(cardSubtitle.trim() && { subtitle: cardSubtitle }),
            button: { title: buttonTitle, url: buttonUrl },
          };

  const fieldError = (...keys: string[]) => {
    for (const k of keys) {
      const m = error?.fieldErrors?.[k]?.[0];
      if (m) return serverMessage(m);
    }
    return null;
  };
  const formError = error && !(error.fieldErrors && Object.keys(error.fieldErrors).some((k) => k !== "_")) ? serverMessage(error) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input: Record<string, unknown> = {
      name,
      invitation,
      requestTitle,
      replyText: replyText.trim() ? replyText : null,
      content,
      scheduledAt: localToIsoWithOffset(scheduledLocal),
    };
    if (!editing) input.channelId = channelId;
    startTransition(async () => {
      const result = await save(input);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      router.push(`/o/${orgSlug}/campaigns/${result.data.id}`);
      router.refresh();
    });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form className="space-y-6" noValidate onSubmit={onSubmit} data-testid="campaign-form">
        {/* Until hydration the fields would take typing that React then overwrites (the send time is filled in
            the browser's zone only after hydration), so they stay disabled until then. */}
        <fieldset disabled={!hydrated} className="min-w-0 space-y-6">
        {formError && <Alert>{formError}</Alert>}
        <Section title={t("campaigns.form.section.basics")}>
          <Field id="campaign-name" label={t("campaigns.form.name")} error={fieldError("name")}>
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t("campaigns.form.namePlaceholder")} maxLength={100} autoFocus={!editing} />
          </Field>
          <Field id="campaign-channel" label={t("campaigns.form.channel")} error={fieldError("channelId")} hint={editing ? t("campaigns.form.channelFixed") : undefined}>
            <Select value={channelId} onChange={(e) => setChannelId(e.target.value)} disabled={editing}>
              {channels.map((ch) => (
                <option key={ch.id} value={ch.id}>
                  {ch.name}
                </option>
              ))}
            </Select>
          </Field>
        </Section>

        <Section title={t("campaigns.form.section.subscription")}>
          <Field id="campaign-invitation-type" label={t("campaigns.form.invitationType")} error={fieldError("invitation")}>
            <Select value={invitationType} onChange={(e) => setInvitationType(e.target.value as InvitationType)}>
              <option value="none">{t("campaigns.form.invitation.none")}</option>
              <option value="text">{t("campaigns.form.invitation.text")}</option>
              <option value="image">{t("campaigns.form.invitation.image")}</option>
            </Select>
          </Field>
          {invitationType === "text" && (
            <Field id="campaign-invitation-text" label={t("campaigns.form.invitationText")} error={fieldError("invitation.text")}>
              <Textarea value={invitationText} onChange={(e) => setInvitationText(e.target.value)} rows={2} />
            </Field>
          )}
          {invitationType === "image" && (
            <Field id="campaign-invitation-url" label={t("campaigns.form.invitationImage")} error={fieldError("invitation.url")}>
              <Input type="url" value={invitationUrl} onChange={(e) => setInvitationUrl(e.target.value)} placeholder="https://" />
            </Field>
          )}
          <Field
            id="campaign-request-title"
            label={t("campaigns.form.requestTitle")}
            error={fieldError("requestTitle")}
            hint={t("campaigns.form.requestTitleHint", { count: requestTitle.length, max: REQUEST_TITLE_MAX })}
          >
            <Input value={requestTitle} onChange={(e) => setRequestTitle(e.target.value)} maxLength={REQUEST_TITLE_MAX} />
          </Field>
          <Field id="campaign-reply" label={t("campaigns.form.replyText")} error={fieldError("replyText")} optionalLabel={t("campaigns.form.optional")}>
            <Textarea value={replyText} onChange={(e) => setReplyText(e.target.value)} rows={2} placeholder={t("campaigns.form.replyTextPlaceholder")} />
          </Field>
        </Section>

        <Section title={t("campaigns.form.section.content")}>
          <Field id="campaign-content-type" label={t("campaigns.form.contentType")} error={fieldError("content")}>
            <Select value={contentType} onChange={(e) => setContentType(e.target.value as ContentType)}>
              <option value="text">{t("campaigns.form.content.text")}</option>
              <option value="image">{t("campaigns.form.content.image")}</option>
              <option value="card">{t("campaigns.form.content.card")}</option>
            </Select>
          </Field>
          {contentType === "text" && (
            <Field
              id="campaign-content-text"
              label={t("campaigns.form.contentText")}
              error={fieldError("content.text")}
              hint={t("campaigns.form.contentTextHint", { count: contentText.length, max: TEXT_MAX })}
            >
              <Textarea value={contentText} onChange={(e) => setContentText(e.target.value)} rows={4} maxLength={TEXT_MAX} />
            </Field>
          )}
          {contentType === "image" && (
            <Field id="campaign-content-image" label={t("campaigns.form.imageUrl")} error={fieldError("content.url")}>
              <Input type="url" value={imageUrl} onChange={(e) => setImageUrl(e.target.value)} placeholder="https://" />
            </Field>
          )}
          {contentType === "card" && (
            <>
              <Field id="campaign-card-image" label={t("campaigns.form.cardImageUrl")} error={fieldError("content.imageUrl")} optionalLabel={t("campaigns.form.optional")}>
                <Input type="url" value={cardImageUrl} onChange={(e) => setCardImageUrl(e.target.value)} placeholder="https://" />
              </Field>
              <Field id="campaign-card-title" label={t("campaigns.form.cardTitle")} error={fieldError("content.title")}>
                <Input value={cardTitle} onChange={(e) => setCardTitle(e.target.value)} maxLength={80} />
              </Field>
              <Field id="campaign-card-subtitle" label={t("campaigns.form.cardSubtitle")} error={fieldError("content.subtitle")} optionalLabel={t("campaigns.form.optional")}>
                <Input value={cardSubtitle} onChange={(e) => setCardSubtitle(e.target.value)} maxLength={80} />
              </Field>
              <Field id="campaign-button-title" label={t("campaigns.form.buttonTitle")} error={fieldError("content.button.title", "content.button")}>
                <Input value={buttonTitle} onChange={(e) => setButtonTitle(e.target.value)} maxLength={20} />
              </Field>
              <Field id="campaign-button-url" label={t("campaigns.form.buttonUrl")} error={fieldError("content.button.url")}>
                <Input type="url" value={buttonUrl} onChange={(e) => setButtonUrl(e.target.value)} placeholder="https://" />
              </Field>
            </>
          )}
        </Section>

        <Section title={t("campaigns.form.section.schedule")}>
          <Field
            id="campaign-scheduled-at"
            label={t("campaigns.form.scheduledAt")}
            error={fieldError("scheduledAt")}
            hint={t("campaigns.form.scheduledAtHint", { zone })}
            optionalLabel={t("campaigns.form.optional")}
          >
            <Input type="datetime-local" value={scheduledLocal} onChange={(e) => setScheduledLocal(e.target.value)} />
          </Field>
        </Section>

        <div className="flex gap-2">
          <Button type="submit" loading={pending}>
            {editing ? t("campaigns.form.save") : t("campaigns.form.create")}
          </Button>
          <ButtonLink variant="secondary" href={campaign ? `/o/${orgSlug}/campaigns/${campaign.id}` : `/o/${orgSlug}/campaigns`}>
            {t("common.cancel")}
          </ButtonLink>
        </div>
        </fieldset>
      </form>
      <aside className="lg:sticky lg:top-6 lg:self-start">
        <h2 className="text-sm font-semibold text-zinc-900">{t("campaigns.preview.title")}</h2>
        <p className="mb-3 text-[13px] text-zinc-500">{t("campaigns.preview.hint")}</p>
        <CampaignPreview
          invitation={invitation}
          requestTitle={requestTitle}
          replyText={replyText.trim() ? replyText : null}
          content={content}
          pageName={channels.find((ch) => ch.id === channelId)?.name}
        />
      </aside>
    </div>
  );
}

const noop = () => () => {};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-xs">
      <legend className="px-1 text-sm font-semibold text-zinc-900">{title}</legend>
      {children}
    </fieldset>
  );
}
