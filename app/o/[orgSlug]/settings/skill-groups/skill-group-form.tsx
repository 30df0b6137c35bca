"use client";

import { FormDialog, type FormDialogProps } from "@/components/settings/form-dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";

/** Create or edit a skill group's name and description, in a dialog. */
export function SkillGroupDialog({ initial, save, onSaved, ...dialog }: FormDialogProps<Record<string, string>, { name: string; description: string }> & { onSaved?: () => void }) {
  const { t } = useI18n();
  const values = { name: initial?.name ?? "", description: initial?.description ?? "" };
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("skillGroup", input),
    defaultValues: values,
    submit: save,
    onSuccess: () => {
      dialog.onClose();
      onSaved?.();
    },
  });
  return (
    <FormDialog {...dialog} reset={() => form.reset(values)} onSubmit={onSubmit} formError={formError} pending={pending}>
      <Field id="skill-group-name" label={t("common.name")} error={fieldError("name")}>
        <Input {...form.register("name")} placeholder={t("skillGroups.namePlaceholder")} required autoFocus maxLength={60} />
      </Field>
      <Field id="skill-group-description" label={t("common.description")} optionalLabel={t("common.optional")} error={fieldError("description")}>
        <Textarea {...form.register("description")} placeholder={t("skillGroups.descriptionPlaceholder")} rows={3} maxLength={500} />
      </Field>
    </FormDialog>
  );
}
