"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useWatch } from "react-hook-form";
import { checkInputAction } from "@/app/check-input-action";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { AvailabilityReason } from "@/lib/services/permissions/constants";
import { useI18n } from "@/lib/i18n/client";
import type { Campaign } from "@/lib/services/campaigns/schemas";
import type { ActionResult } from "@/lib/tenancy/action";
import { campaignQueries } from "../query-options";
import type { BroadcastKind, TopicOption } from "../broadcast-adapter";
import { ContentFields, contentValues, toContent, type ContentValues } from "./content-fields";
import { MessagePreview } from "./campaign-preview";
import { localToIsoWithOffset, timeZoneLabel } from "./local-time";
import { FormSection, useFormStart, useHydrated } from "./form-section";

export interface BroadcastChannel {
  id: string;
  name: string;
  /** Why this channel cannot send the form's kind; null: it can. */
  unavailable: AvailabilityReason | null;
}

type Values = ContentValues & {
  name: string;
  channelId: string;
  /** Recurring: the topic; "" until chosen. */
  topicId: string;
  /** "" sends to everyone subscribed (to the topic, or to the Page's marketing messages). */
  segmentId: string;
  /** now: created and started at once; later: at `scheduledAt`; draft: sent from its page. */
  when: "now" | "later" | "draft";
  /** The start as typed, in the organisation's time zone. */
  scheduledAt: string;
  useLocalTime: boolean;
  localSendTime: string;
  budgetType: "daily" | "lifetime";
  /** As typed, in the ad account's currency ("25" or "25.50"). */
  budgetAmount: string;
};

/** "25", "25.5", "25.50" → 2550 cents; anything else → null (the service then says what it wants). */
export function amountToCents(amount: string): number | null {
  const m = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(amount);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0")) : null;
}

function toInput(v: Values, kind: BroadcastKind, timeZone: string, editing: boolean): Record<string, unknown> {
  return {
    // A campaign keeps its kind and channel: the update schema has neither.
    ...(!editing && { kind, channelId: v.channelId }),
    name: v.name,
    ...(kind === "recurring" && { topicId: v.topicId || undefined }),
    content: toContent(v),
    segmentId: v.segmentId || null,
    scheduledAt: v.when === "later" ? localToIsoWithOffset(v.scheduledAt, timeZone) : null,
    localSendTime: v.useLocalTime ? v.localSendTime : null,
    ...(kind === "marketing" && { budget: { type: v.budgetType, amountCents: amountToCents(v.budgetAmount) } }),
  };
}

function initialValues(campaign: Campaign | undefined, channelId: string): Values {
  return {
    name: campaign?.name ?? "",
    channelId: campaign?.channelId ?? channelId,
    topicId: campaign?.topicId ?? "",
    segmentId: campaign?.segmentId ?? "",
    ...contentValues(campaign?.content),
    when: campaign?.scheduledAt ? "later" : "draft",
    // Filled in once hydrated, in the organisation's zone (as the OTN form does).
    scheduledAt: "",
    useLocalTime: Boolean(campaign?.localSendTime),
    localSendTime: campaign?.localSendTime ?? "10:00",
    budgetType: campaign?.budget?.type ?? "daily",
    budgetAmount: campaign?.budget ? (campaign.budget.amountCents / 100).toFixed(2) : "",
  };
}

/**
 * A recurring-topic or Marketing Messages campaign, new or (with `campaign`, while a draft or scheduled) edited: channel, topic (recurring), content, audience with the live
 * recipient count, when (now, at a time, or a draft) with the optional "at HH:MM in each subscriber's time zone",
 * the topic's cadence rule in words, and the budget and Meta's per-message charge (marketing). A channel that does
 * not offer the kind says why and the form cannot be sent.
 */
export function BroadcastForm({
  orgSlug,
  kind,
  channels,
  topics,
  segments,
  timeZone,
  campaign,
  save,
}: {
  orgSlug: string;
  kind: BroadcastKind;
  /** The campaign being edited; its channel stays, and "send now" is its page's action rather than the form's. */
  campaign?: Campaign;
  channels: BroadcastChannel[];
  topics: TopicOption[];
  segments: { id: string; name: string; contactCount: number }[];
  timeZone: string;
  save: (input: Record<string, unknown>, sendNow: boolean) => Promise<ActionResult<{ id: string; started?: boolean }>>;
}) {
  const { t, serverMessage } = useI18n();
  const router = useRouter();
  const hydrated = useHydrated();
  // Whether the submit also starts the send ("As soon as it is created"), kept from the last render's values.
  const sendNow = useRef(false);
  const firstChannel = channels.find((c) => c.unavailable === null) ?? channels[0];
  const editing = campaign !== undefined;
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<Values, Record<string, unknown>, { id: string; started?: boolean }>({
    check: (input) => checkInputAction(editing ? "campaignUpdate" : "campaignCreate", input),
    defaultValues: initialValues(campaign, firstChannel?.id ?? ""),
    toInput: (v) => toInput(v, kind, timeZone, editing),
    submit: (input) => save(input, sendNow.current),
    onSuccess: (data) => {
      router.push(`/o/${orgSlug}/campaigns/${data.id}${sendNow.current && !data.started ? "?notStarted=1" : ""}`);
      router.refresh();
    },
  });
  const { register, control, setValue } = form;
  useFormStart(form, { hydrated, editing, scheduledIso: campaign?.scheduledAt ?? null, timeZone });
  const values = useWatch({ control }) as Values;
  useEffect(() => {
    sendNow.current = values.when === "now";
  }, [values.when]);
  const channel = channels.find((c) => c.id === values.channelId);
  const channelTopics = topics.filter((tp) => tp.channelId === values.channelId);
  const topic = channelTopics.find((tp) => tp.id === values.topicId);
  // A topic of another channel does not follow the channel it was chosen with.
  useEffect(() => {
    if (values.topicId && !topic) setValue("topicId", "");
  }, [values.topicId, topic, setValue]);
  const audienceInput = {
    kind,
    channelId: values.channelId,
    ...(kind === "recurring" && values.topicId && { topicId: values.topicId }),
    ...(values.segmentId && { segmentId: values.segmentId }),
  };
  const countable = Boolean(values.channelId) && channel?.unavailable === null && (kind === "marketing" || Boolean(topic?.registered));
  const audience = useQuery({ ...campaignQueries.audience(orgSlug, audienceInput), enabled: countable });
  const blocked = channel?.unavailable ?? null;
  const zone = timeZoneLabel(timeZone);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form className="space-y-6" noValidate onSubmit={onSubmit} data-testid="broadcast-form" data-kind={kind}>
        <fieldset disabled={!hydrated} className="min-w-0 space-y-6">
          {formError && <Alert>{formError}</Alert>}
          <FormSection title={t("campaigns.form.section.basics")}>
            <Field id="campaign-name" label={t("campaigns.form.name")} error={fieldError("name")}>
              <Input {...register("name")} placeholder={t("campaigns.form.namePlaceholder")} maxLength={100} autoFocus />
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
            {blocked && (
              <Alert tone="warning">
                <span data-testid="kind-unavailable-here">{t("campaigns.form.unavailable", { kind: t(`campaigns.kind.${kind}`), reason: t(blocked) })}</span>
              </Alert>
            )}
            {kind === "recurring" && (
              <Field
                id="campaign-topic"
                label={t("campaigns.form.topic")}
                error={fieldError("topicId")}
                hint={
                  <Link href={`/o/${orgSlug}/campaigns/topics`} className="font-medium text-accent-700 hover:underline">
                    {t("campaigns.form.manageTopics")}
                  </Link>
                }
              >
                <Select {...register("topicId")}>
                  <option value="">{t("campaigns.form.topicChoose")}</option>
                  {channelTopics.map((tp) => (
                    <option key={tp.id} value={tp.id} disabled={!tp.registered}>
                      {tp.registered ? tp.title : t("campaigns.form.topicUnregistered", { title: tp.title })}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {kind === "recurring" && !channelTopics.some((tp) => tp.registered) && (
              <p className="text-[13px] text-zinc-600" data-testid="no-topics">
                {t("campaigns.form.noTopics")}
              </p>
            )}
            {topic && (
              <p className="rounded-lg border border-accent-200 bg-accent-50 px-3 py-2 text-[13px] text-zinc-700" data-testid="cadence-rule">
                {t(`campaigns.form.cadence.${topic.cadence}`)} {t("campaigns.form.cadenceHeld")}
              </p>
            )}
          </FormSection>

          <FormSection title={t("campaigns.form.section.content")}>
            <p className="text-[13px] text-zinc-500">{t("campaigns.form.contentHint")}</p>
            <ContentFields register={register} values={values} fieldError={fieldError} />
          </FormSection>

          <FormSection title={t("campaigns.form.section.audience")}>
            <Field id="campaign-segment" label={t("segments.audience.label")} error={fieldError("segmentId")}>
              <Select {...register("segmentId")}>
                <option value="">{t(kind === "recurring" ? "campaigns.form.audienceTopic" : "campaigns.form.audiencePage")}</option>
                {segments.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({t("segments.contactCount", { count: s.contactCount })})
                  </option>
                ))}
              </Select>
            </Field>
            <p className="text-sm text-zinc-700" role="status" aria-live="polite" data-testid="audience-count">
              {!countable
                ? kind === "recurring" && !topic
                  ? t("campaigns.form.recipientsUnknown")
                  : ""
                : audience.isPending
                  ? t("campaigns.form.counting")
                  : audience.error
                    ? serverMessage(audience.error)
                    : audience.data === null || audience.data === undefined
                      ? ""
                      : t("campaigns.form.recipients", { count: audience.data })}
            </p>
          </FormSection>

          <FormSection title={t("campaigns.form.section.schedule")}>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-zinc-800">{t("campaigns.form.when")}</legend>
              {(editing ? (["draft", "later"] as const) : (["draft", "now", "later"] as const)).map((w) => (
                <label key={w} className="flex items-center gap-2 text-sm text-zinc-800">
                  <input type="radio" value={w} {...register("when")} className="accent-accent-600" />
                  {t(w === "now" ? "campaigns.form.whenNow" : w === "later" ? "campaigns.form.whenLater" : "campaigns.form.whenDraft")}
                </label>
              ))}
            </fieldset>
            {values.when === "later" && (
              <Field id="campaign-scheduled-at" label={t("campaigns.form.startAt")} error={fieldError("scheduledAt")} hint={t("campaigns.form.scheduledAtHint", { zone })}>
                <Input type="datetime-local" {...register("scheduledAt")} />
              </Field>
            )}
            <label className="flex items-start gap-2 text-sm text-zinc-800">
              <input type="checkbox" {...register("useLocalTime")} className="mt-0.5 accent-accent-600" aria-describedby="campaign-local-time-hint" />
              <span>{t("campaigns.form.localTime")}</span>
            </label>
            {values.useLocalTime && (
              <Field id="campaign-local-time" label={t("campaigns.form.localTimeValue")} error={fieldError("localSendTime")}>
                <Input type="time" {...register("localSendTime")} className="w-36" />
              </Field>
            )}
            <p id="campaign-local-time-hint" className="text-[13px] text-zinc-500">
              {t("campaigns.form.localTimeHint", { time: values.localSendTime || "10:00" })}
            </p>
          </FormSection>

          {kind === "marketing" && (
            <FormSection title={t("campaigns.form.section.budget")}>
              <Field id="campaign-budget-type" label={t("campaigns.form.budgetType")} error={fieldError("budget.type")}>
                <Select {...register("budgetType")} className="w-52">
                  <option value="daily">{t("campaigns.form.budgetDaily")}</option>
                  <option value="lifetime">{t("campaigns.form.budgetLifetime")}</option>
                </Select>
              </Field>
              <Field
                id="campaign-budget-amount"
                label={t("campaigns.form.budgetAmount")}
                error={fieldError("budget.amountCents", "budget") && t("campaigns.form.budgetInvalid")}
                hint={t("campaigns.form.budgetHint")}
              >
                <Input {...register("budgetAmount")} inputMode="decimal" placeholder="25.00" className="w-52" />
              </Field>
              <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900" data-testid="paid-note">
                {t("campaigns.form.paidNote")}
              </p>
            </FormSection>
          )}

          <div className="flex gap-2">
            <Button type="submit" loading={pending} disabled={Boolean(blocked)}>
              {editing ? t("campaigns.form.save") : values.when === "now" ? t("campaigns.form.createAndSend") : t("campaigns.form.create")}
            </Button>
            <ButtonLink variant="secondary" href={campaign ? `/o/${orgSlug}/campaigns/${campaign.id}` : `/o/${orgSlug}/campaigns`}>
              {t("common.cancel")}
            </ButtonLink>
          </div>
        </fieldset>
      </form>
      <aside className="lg:sticky lg:top-6 lg:self-start">
        <h2 className="text-sm font-semibold text-zinc-900">{t("campaigns.preview.title")}</h2>
        <MessagePreview content={toContent(values)} pageName={channel?.name} />
      </aside>
    </div>
  );
}
