"use client";

import { checkInputAction } from "@/app/check-input-action";
import { FormDialog, type FormDialogProps } from "@/components/settings/form-dialog";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { CANNED_REPLY_CONTENT_MAX, renderCannedReply, SHORTCUT_MAX } from "@/lib/services/canned-replies/constants";
import type { CannedReplyFormValues } from "./actions";

/** Create or edit a canned reply: its shortcut, where it is offered, its words, and a preview with sample values. */
export function CannedReplyDialog({ initial, groups, save, ...dialog }: FormDialogProps<CannedReplyFormValues> & { groups: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const values: CannedReplyFormValues = initial ?? { shortcut: "", content: "", skillGroupId: "" };
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<CannedReplyFormValues>({
    check: (input) => checkInputAction("cannedReply", { ...input, skillGroupId: input.skillGroupId || null }),
    defaultValues: values,
    submit: save,
    onSuccess: () => dialog.onClose(),
  });
  const shortcut = form.watch("shortcut").replace(/^\//, "");
  const content = form.watch("content");
  const sample = {
    first_name: t("cannedReplies.preview.sample.firstName"),
    last_name: t("cannedReplies.preview.sample.lastName"),
    agent_name: t("cannedReplies.preview.sample.agent"),
    page_name: t("cannedReplies.preview.sample.page"),
  };
  return (
    <FormDialog {...dialog} reset={() => form.reset(values)} onSubmit={onSubmit} formError={formError} pending={pending}>
      <Field id="canned-reply-shortcut" label={t("field.shortcut")} hint={t("cannedReplies.shortcutHint", { shortcut: shortcut || "thanks" })} error={fieldError("shortcut")}>
        <Input {...form.register("shortcut")} placeholder={t("cannedReplies.shortcutPlaceholder")} required autoFocus maxLength={SHORTCUT_MAX + 1} autoComplete="off" />
      </Field>
      <Field id="canned-reply-scope" label={t("field.scope")} error={fieldError("skillGroupId")}>
        <Select {...form.register("skillGroupId")}>
          <option value="">{t("cannedReplies.scope.organization")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {t("cannedReplies.scope.group", { group: g.name })}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="canned-reply-content" label={t("field.content")} hint={t("cannedReplies.variables")} error={fieldError("content")}>
        <Textarea {...form.register("content")} placeholder={t("cannedReplies.contentPlaceholder")} rows={5} maxLength={CANNED_REPLY_CONTENT_MAX} required />
      </Field>
      {content.trim() && (
        <div className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2" data-testid="canned-reply-preview">
          <p className="text-xs font-medium text-zinc-500">{t("cannedReplies.preview")}</p>
          <p className="mt-1 whitespace-pre-wrap text-sm text-zinc-900">{renderCannedReply(content, sample)}</p>
        </div>
      )}
    </FormDialog>
  );
}
