"use client";

import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { TEXT_MAX } from "@/lib/services/campaigns/constants";
import type { CampaignContent } from "@/lib/services/campaigns/schemas";
import { useI18n } from "@/lib/i18n/client";

/** What the content fields hold (any campaign form's values include these); `toContent` builds the message. */
export interface ContentValues {
  contentType: CampaignContent["type"];
  content: { text: string; url: string; imageUrl: string; title: string; subtitle: string; button: { title: string; url: string } };
}

export function toContent(v: ContentValues): CampaignContent {
  return v.contentType === "text"
    ? { type: "text", text: v.content.text }
    : v.contentType === "image"
      ? { type: "image", url: v.content.url }
      : {
          type: "card",
          title: v.content.title,
          ...(v.content.imageUrl.trim() && { imageUrl: v.content.imageUrl }),
          ...(v.content.subtitle.trim() && { subtitle: v.content.subtitle }),
          button: { title: v.content.button.title, url: v.content.button.url },
        };
}

export function contentValues(c: CampaignContent | undefined): ContentValues {
  return {
    contentType: c?.type ?? "text",
    content: {
      text: c?.type === "text" ? c.text : "",
      url: c?.type === "image" ? c.url : "",
      imageUrl: c?.type === "card" ? (c.imageUrl ?? "") : "",
      title: c?.type === "card" ? c.title : "",
      subtitle: c?.type === "card" ? (c.subtitle ?? "") : "",
      button: { title: c?.type === "card" ? c.button.title : "", url: c?.type === "card" ? c.button.url : "" },
    },
  };
}

/**
 * The campaign message's editor: a text, an image or a card (image, title, subtitle, one URL button), the one
 * message every kind of campaign sends. The fields register on the caller's form under `contentType` and `content.*`.
 */
export function ContentFields<V extends FieldValues & ContentValues>({
  register,
  values,
  fieldError,
}: {
  register: UseFormRegister<V>;
  values: ContentValues;
  fieldError: (...paths: string[]) => string | null;
}) {
  const { t } = useI18n();
  const reg = (name: string) => register(name as Path<V>);
  return (
    <>
      <Field id="campaign-content-type" label={t("campaigns.form.contentType")} error={fieldError("content")}>
        <Select {...reg("contentType")}>
          <option value="text">{t("campaigns.form.content.text")}</option>
          <option value="image">{t("campaigns.form.content.image")}</option>
          <option value="card">{t("campaigns.form.content.card")}</option>
        </Select>
      </Field>
      {values.contentType === "text" && (
        <Field
          id="campaign-content-text"
          label={t("campaigns.form.contentText")}
          error={fieldError("content.text")}
          hint={t("campaigns.form.contentTextHint", { count: values.content.text.length, max: TEXT_MAX })}
        >
          <Textarea {...reg("content.text")} rows={4} maxLength={TEXT_MAX} />
        </Field>
      )}
      {values.contentType === "image" && (
        <Field id="campaign-content-image" label={t("campaigns.form.imageUrl")} error={fieldError("content.url")}>
          <Input type="url" {...reg("content.url")} placeholder="https://" />
        </Field>
      )}
      {values.contentType === "card" && (
        <>
          <Field id="campaign-card-image" label={t("campaigns.form.cardImageUrl")} error={fieldError("content.imageUrl")} optionalLabel={t("campaigns.form.optional")}>
            <Input type="url" {...reg("content.imageUrl")} placeholder="https://" />
          </Field>
          <Field id="campaign-card-title" label={t("campaigns.form.cardTitle")} error={fieldError("content.title")}>
            <Input {...reg("content.title")} maxLength={80} />
          </Field>
          <Field id="campaign-card-subtitle" label={t("campaigns.form.cardSubtitle")} error={fieldError("content.subtitle")} optionalLabel={t("campaigns.form.optional")}>
            <Input {...reg("content.subtitle")} maxLength={80} />
          </Field>
          <Field id="campaign-button-title" label={t("campaigns.form.buttonTitle")} error={fieldError("content.button.title", "content.button")}>
            <Input {...reg("content.button.title")} maxLength={20} />
          </Field>
          <Field id="campaign-button-url" label={t("campaigns.form.buttonUrl")} error={fieldError("content.button.url")}>
            <Input type="url" {...reg("content.button.url")} placeholder="https://" />
          </Field>
        </>
      )}
    </>
  );
}
