"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { checkInputAction } from "@/app/check-input-action";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { FAQ_ANSWER_KINDS, FAQ_BUTTON_TITLE_MAX, FAQ_BUTTONS_MAX, FAQ_CATEGORY_MAX, FAQ_QUESTION_MAX, FAQ_TEXT_MAX } from "@/lib/services/faqs/constants";
import type { FaqInput } from "@/lib/services/faqs/schemas";
import type { FaqFormValues } from "./faq-form-values";
import { createFaqAction, updateFaqAction } from "./actions";

/** What the service takes: the answer built from the fields of its kind; empty button rows dropped. */
function toInput(v: FaqFormValues): FaqInput {
  const rows = v.buttons.filter((b) => b.title.trim() || b.value.trim());
  const answer: FaqInput["answer"] =
    v.kind === "image"
      ? { kind: "image", imageUrl: v.imageUrl, ...(v.text.trim() ? { text: v.text } : {}) }
      : v.kind === "buttons"
        ? { kind: "buttons", text: v.text, buttons: rows.map((b) => (b.type === "web_url" ? { type: "web_url", title: b.title, url: b.value } : { type: "postback", title: b.title, payload: b.value })) }
        : v.kind === "quick_replies"
          ? { kind: "quick_replies", text: v.text, quickReplies: rows.map((b) => ({ title: b.title, payload: b.value })) }
          : { kind: "text", text: v.text };
  return {
    question: v.question,
    alternatives: v.alternatives.split(/\r?\n/),
    language: v.language,
    category: v.category,
    enabled: v.enabled,
    answer,
    skillGroupIds: [v.skillGroupIds].flat().filter(Boolean),
    channelIds: [v.channelIds].flat().filter(Boolean),
  };
}

/** Create or edit an FAQ entry: the question and its phrasings, the answer (text, image, buttons, quick replies), where it applies. */
export function FaqForm({
  orgSlug,
  faqId,
  initial,
  groups,
  channels,
}: {
  orgSlug: string;
  faqId: string | null;
  initial: FaqFormValues;
  groups: { id: string; name: string }[];
  channels: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const list = `/o/${orgSlug}/bot/faqs`;
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<FaqFormValues, FaqInput>({
    check: (input) => checkInputAction("faq", input),
    defaultValues: initial,
    toInput,
    submit: (input) => (faqId ? updateFaqAction(orgSlug, faqId, input) : createFaqAction(orgSlug, input)),
    onSuccess: () => router.push(list),
  });
  const kind = form.watch("kind");
  const [shownButtons, setShownButtons] = useState(Math.max(1, initial.buttons.filter((b) => b.title || b.value).length));
  const rowsField = kind === "buttons" ? "answer.buttons" : "answer.quickReplies";
  return (
    <form className="max-w-2xl space-y-5" noValidate onSubmit={onSubmit} data-testid="faq-form">
      {formError && <Alert>{formError}</Alert>}
      <Field id="faq-question" label={t("field.faqQuestion")} hint={t("faqs.form.questionHelp")} error={fieldError("question")}>
        <Input {...form.register("question")} maxLength={FAQ_QUESTION_MAX} required autoFocus />
      </Field>
      <Field id="faq-alternatives" label={t("field.faqAlternatives")} hint={t("faqs.form.alternativesHelp")} error={fieldError("alternatives")}>
        <Textarea {...form.register("alternatives")} rows={4} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="faq-language" label={t("field.faqLanguage")} error={fieldError("language")}>
          <Select {...form.register("language")}>
            <option value="zh-CN">{t("faqs.language.zh-CN")}</option>
            <option value="en">{t("faqs.language.en")}</option>
          </Select>
        </Field>
        <Field id="faq-category" label={t("field.faqCategory")} error={fieldError("category")}>
          <Input {...form.register("category")} maxLength={FAQ_CATEGORY_MAX} />
        </Field>
      </div>
      <Field id="faq-kind" label={t("faqs.form.answerKind")}>
        <Select {...form.register("kind")}>
          {FAQ_ANSWER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`faqs.form.kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      {kind === "image" && (
        <Field id="faq-image" label={t("faqs.form.imageUrl")} error={fieldError("answer.imageUrl", "answer")}>
          <Input {...form.register("imageUrl")} type="url" placeholder="https://" />
        </Field>
      )}
      <Field id="faq-answer" label={t("field.faqAnswer")} error={fieldError("answer.text", kind === "image" ? "" : "answer")}>
        <Textarea {...form.register("text")} rows={4} maxLength={FAQ_TEXT_MAX} />
      </Field>
      {(kind === "buttons" || kind === "quick_replies") && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-zinc-800">{t(kind === "buttons" ? "faqs.form.buttons" : "faqs.form.quickReplies")}</legend>
          {fieldError(rowsField) && <p className="text-[13px] text-red-600">{fieldError(rowsField)}</p>}
          {Array.from({ length: shownButtons }, (_, i) => (
            <div key={i} className="grid gap-2 rounded-lg border border-zinc-200 p-3 sm:grid-cols-3" data-testid="faq-button-row">
              {kind === "buttons" && (
                <Select aria-label={t("faqs.form.answerKind")} {...form.register(`buttons.${i}.type`)}>
                  <option value="postback">{t("faqs.form.buttonType.postback")}</option>
                  <option value="web_url">{t("faqs.form.buttonType.web_url")}</option>
                </Select>
              )}
              <Input aria-label={t("field.faqButtonTitle")} placeholder={t("field.faqButtonTitle")} maxLength={FAQ_BUTTON_TITLE_MAX} {...form.register(`buttons.${i}.title`)} />
              <Input
                aria-label={kind === "buttons" && form.watch(`buttons.${i}.type`) === "web_url" ? t("faqs.form.buttonUrl") : t("field.faqPayload")}
                placeholder={kind === "buttons" && form.watch(`buttons.${i}.type`) === "web_url" ? "https://" : t("field.faqPayload")}
                {...form.register(`buttons.${i}.value`)}
              />
              {(fieldError(`${rowsField}.${i}.title`, `${rowsField}.${i}.payload`, `${rowsField}.${i}.url`, `${rowsField}.${i}`) ?? null) && (
                <p className="text-[13px] text-red-600 sm:col-span-3">{fieldError(`${rowsField}.${i}.title`, `${rowsField}.${i}.payload`, `${rowsField}.${i}.url`, `${rowsField}.${i}`)}</p>
              )}
            </div>
          ))}
          {shownButtons < FAQ_BUTTONS_MAX && (
            <Button type="button" size="sm" variant="secondary" onClick={() => setShownButtons(shownButtons + 1)}>
              {t("faqs.form.addButton")}
            </Button>
          )}
        </fieldset>
      )}
      {(groups.length > 0 || channels.length > 0) && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">{t("faqs.form.scope")}</legend>
          <p className="text-[13px] text-zinc-500">{t("faqs.form.scopeHelp")}</p>
          {groups.length > 0 && (
            <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm" role="group" aria-label={t("faqs.form.skillGroups")}>
              <span className="text-zinc-500">{t("faqs.form.skillGroups")}:</span>
              {groups.map((g) => (
                <label key={g.id} className="flex items-center gap-1.5">
                  <input type="checkbox" value={g.id} {...form.register("skillGroupIds")} />
                  {g.name}
                </label>
              ))}
            </div>
          )}
          {channels.length > 0 && (
            <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm" role="group" aria-label={t("faqs.form.channels")}>
              <span className="text-zinc-500">{t("faqs.form.channels")}:</span>
              {channels.map((c) => (
                <label key={c.id} className="flex items-center gap-1.5">
                  <input type="checkbox" value={c.id} {...form.register("channelIds")} />
                  {c.name}
                </label>
              ))}
            </div>
          )}
          {fieldError("skillGroupIds", "channelIds") && <p className="text-[13px] text-red-600">{fieldError("skillGroupIds", "channelIds")}</p>}
        </fieldset>
      )}
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input type="checkbox" {...form.register("enabled")} />
        {t("faqs.form.enabled")}
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {t(faqId ? "common.save" : "common.create")}
        </Button>
        <ButtonLink variant="secondary" href={list}>
          {t("common.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
