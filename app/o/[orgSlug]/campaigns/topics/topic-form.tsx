"use client";

import { useRouter } from "next/navigation";
import { checkInputAction } from "@/app/check-input-action";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { TOPIC_CADENCES, TOPIC_TITLE_MAX, type TopicCadence } from "@/lib/services/topics/constants";
import { createTopicAction } from "./actions";

interface FormValues {
  channelId: string;
  title: string;
  cadence: TopicCadence;
  imageUrl: string;
}

/** Create a topic on a channel that offers recurring notifications; opens the new topic (to register it). */
export function TopicDialog({ orgSlug, channels, onClose }: { orgSlug: string; channels: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<FormValues, FormValues, { id: string }>({
    check: (input) => checkInputAction("topic", input),
    defaultValues: { channelId: channels[0]?.id ?? "", title: "", cadence: "weekly", imageUrl: "" },
    submit: (input) => createTopicAction(orgSlug, input),
    onSuccess: (data) => router.push(`/o/${orgSlug}/campaigns/topics/${data.id}`),
  });
  return (
    <Dialog open onClose={onClose} title={t("topics.create.title")}>
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        <Field id="topic-channel" label={t("topics.field.channel")} error={fieldError("channelId")}>
          <Select {...form.register("channelId")}>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="topic-title" label={t("topics.field.title")} hint={t("topics.field.titleHint")} error={fieldError("title")}>
          <Input {...form.register("title")} required autoFocus maxLength={TOPIC_TITLE_MAX} />
        </Field>
        <Field id="topic-cadence" label={t("topics.field.cadence")} error={fieldError("cadence")}>
          <Select {...form.register("cadence")}>
            {TOPIC_CADENCES.map((c) => (
              <option key={c} value={c}>
                {t(`topics.cadence.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="topic-image" label={t("topics.field.imageUrl")} optionalLabel={t("common.optional")} error={fieldError("imageUrl")}>
          <Input {...form.register("imageUrl")} type="url" inputMode="url" placeholder="https://" />
        </Field>
        <DialogFormActions onCancel={onClose} submitLabel={t("topics.save")} pending={pending} />
      </form>
    </Dialog>
  );
}
