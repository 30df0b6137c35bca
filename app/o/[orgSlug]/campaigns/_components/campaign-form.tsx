"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { REQUEST_TITLE_MAX } from "@/lib/services/campaigns/constants";
import type { Campaign, CampaignContent, Invitation } from "@/lib/services/campaigns/schemas";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/tenancy/action";
import { CampaignPreview } from "./campaign-preview";
import { ContentFields, contentValues, toContent, type ContentValues } from "./content-fields";
import { localToIsoWithOffset, timeZoneLabel } from "./local-time";
import { FormSection, useFormStart, useHydrated } from "./form-section";

export interface ChannelOption {
  id: string;
  name: string;
}

type InvitationType = "none" | "text" | "image";
/** What the fields hold; `toInput` builds the campaign input the service parses (and the preview shows). */
type CampaignFormValues = ContentValues & {
  name: string;
  channelId: string;
  /** "" sends to everyone subscribed. */
  segmentId: string;
  invitationType: InvitationType;
  invitation: { text: string; url: string };
  requestTitle: string;
  replyText: string;
  afterSendReply: string;
  /** The send time as typed, in the organisation's time zone ("" sends only on demand). */
  scheduledAt: string;
};

function toInput(v: CampaignFormValues, editing: boolean, timeZone: string): Record<string, unknown> {
  const invitation: Invitation | null =
    v.invitationType === "text" ? { type: "text", text: v.invitation.text } : v.invitationType === "image" ? { type: "image", url: v.invitation.url } : null;
  const content = toContent(v);
  return {
    name: v.name,
    ...(editing ? {} : { channelId: v.channelId }),
    segmentId: v.segmentId || null,
    invitation,
    requestTitle: v.requestTitle,
    replyText: v.replyText.trim() ? v.replyText : null,
    afterSendReply: v.afterSendReply.trim() ? v.afterSendReply : null,
    content,
    scheduledAt: localToIsoWithOffset(v.scheduledAt, timeZone),
  };
}

function initialValues(campaign: Campaign | undefined, channels: ChannelOption[]): CampaignFormValues {
  const c = campaign?.content;
  const i = campaign?.invitation;
  return {
    name: campaign?.name ?? "",
    channelId: campaign?.channelId ?? channels[0]?.id ?? "",
    segmentId: campaign?.segmentId ?? "",
    invitationType: i?.type ?? "none",
    invitation: { text: i?.type === "text" ? i.text : "", url: i?.type === "image" ? i.url : "" },
    requestTitle: campaign?.requestTitle ?? "",
    replyText: campaign?.replyText ?? "",
    afterSendReply: campaign?.afterSendReply ?? "",
    ...contentValues(c),
    // Filled in once hydrated: the browser's zone is known only in the browser.
    scheduledAt: "",
  };
}

/**
 * Create or edit an OTN campaign, with a live preview built by the sender's own message builders. The
 * scheduled time is typed in the organisation's time zone and sent as ISO 8601 with its offset (the server stores UTC).
 * Fields validate as they are left, by the service's own zod schema; the server's field errors land on the
 * same fields.
 */
export function CampaignForm({
  orgSlug,
  channels,
  segments = [],
  campaign,
  timeZone,
  save,
}: {
  /** The organisation's segments (Audiences) the campaign may be sent to instead of everyone subscribed. */
  segments?: { id: string; name: string; contactCount: number }[];
  orgSlug: string;
  /** The organisation's IANA time zone (Settings → General): the send time is typed and shown in it. */
  timeZone: string;
  channels: ChannelOption[];
  campaign?: Campaign;
  save: (input: Record<string, unknown>) => Promise<ActionResult<{ id: string }>>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const editing = Boolean(campaign);
  const zone = timeZoneLabel(timeZone);
  const hydrated = useHydrated();
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<CampaignFormValues, Record<string, unknown>, { id: string }>({
    check: (input) => checkInputAction(editing ? "campaignUpdate" : "campaignCreate", input),
    defaultValues: initialValues(campaign, channels),
    toInput: (values) => toInput(values, editing, timeZone),
    submit: save,
    onSuccess: (data) => {
      router.push(`/o/${orgSlug}/campaigns/${data.id}`);
      router.refresh();
    },
  });
  const { register, control } = form;
  useFormStart(form, { hydrated, editing, scheduledIso: campaign?.scheduledAt ?? null, timeZone });
  const values = useWatch({ control }) as CampaignFormValues;
  const preview = toInput(values, true, timeZone) as { invitation: Invitation | null; replyText: string | null; content: CampaignContent };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form className="space-y-6" noValidate onSubmit={onSubmit} data-testid="campaign-form">
        {/* Until hydration the fields would take typing that React then overwrites (the send time is filled in
            the browser's zone only after hydration), so they stay disabled until then. */}
        <fieldset disabled={!hydrated} className="min-w-0 space-y-6">
        {formError && <Alert>{formError}</Alert>}
        <FormSection title={t("campaigns.form.section.basics")}>
          <Field id="campaign-name" label={t("campaigns.form.name")} error={fieldError("name")}>
            <Input {...register("name")} placeholder={t("campaigns.form.namePlaceholder")} maxLength={100} autoFocus={!editing} />
          </Field>
          <Field id="campaign-channel" label={t("campaigns.form.channel")} error={fieldError("channelId")} hint={editing ? t("campaigns.form.channelFixed") : undefined}>
            <Select {...register("channelId")} disabled={editing}>
              {channels.map((ch) => (
                <option key={ch.id} value={ch.id}>
                  {ch.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="campaign-segment" label={t("segments.audience.label")} error={fieldError("segmentId")}>
            <Select {...register("segmentId")}>
              <option value="">{t("segments.audience.everyone")}</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({t("segments.contactCount", { count: s.contactCount })})
                </option>
              ))}
            </Select>
          </Field>
        </FormSection>

        <FormSection title={t("campaigns.form.section.subscription")}>
          <Field id="campaign-invitation-type" label={t("campaigns.form.invitationType")} error={fieldError("invitation")}>
            <Select {...register("invitationType")}>
              <option value="none">{t("campaigns.form.invitation.none")}</option>
              <option value="text">{t("campaigns.form.invitation.text")}</option>
              <option value="image">{t("campaigns.form.invitation.image")}</option>
            </Select>
          </Field>
          {values.invitationType === "text" && (
            <Field id="campaign-invitation-text" label={t("campaigns.form.invitationText")} error={fieldError("invitation.text")}>
              <Textarea {...register("invitation.text")} rows={2} />
            </Field>
          )}
          {values.invitationType === "image" && (
            <Field id="campaign-invitation-url" label={t("campaigns.form.invitationImage")} error={fieldError("invitation.url")}>
              <Input type="url" {...register("invitation.url")} placeholder="https://" />
            </Field>
          )}
          <Field
            id="campaign-request-title"
            label={t("campaigns.form.requestTitle")}
            error={fieldError("requestTitle")}
            hint={t("campaigns.form.requestTitleHint", { count: values.requestTitle.length, max: REQUEST_TITLE_MAX })}
          >
            <Input {...register("requestTitle")} maxLength={REQUEST_TITLE_MAX} />
          </Field>
          <Field id="campaign-reply" label={t("campaigns.form.replyText")} error={fieldError("replyText")} optionalLabel={t("campaigns.form.optional")}>
            <Textarea {...register("replyText")} rows={2} placeholder={t("campaigns.form.replyTextPlaceholder")} />
          </Field>
          <Field
            id="campaign-after-send-reply"
            label={t("campaigns.form.afterSendReply")}
            error={fieldError("afterSendReply")}
            optionalLabel={t("campaigns.form.optional")}
            hint={t("campaigns.form.afterSendReplyHint", { text: t("campaigns.afterSend.defaultReply") })}
          >
            <Textarea {...register("afterSendReply")} rows={2} placeholder={t("campaigns.afterSend.defaultReply")} />
          </Field>
        </FormSection>

        <FormSection title={t("campaigns.form.section.content")}>
          <ContentFields register={register} values={values} fieldError={fieldError} />
        </FormSection>

        <FormSection title={t("campaigns.form.section.schedule")}>
          <Field
            id="campaign-scheduled-at"
            label={t("campaigns.form.scheduledAt")}
            error={fieldError("scheduledAt")}
            hint={t("campaigns.form.scheduledAtHint", { zone })}
            optionalLabel={t("campaigns.form.optional")}
          >
            <Input type="datetime-local" {...register("scheduledAt")} />
          </Field>
        </FormSection>

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
          invitation={preview.invitation}
          requestTitle={values.requestTitle}
          replyText={preview.replyText}
          content={preview.content}
          pageName={channels.find((ch) => ch.id === values.channelId)?.name}
        />
      </aside>
    </div>
  );
}
