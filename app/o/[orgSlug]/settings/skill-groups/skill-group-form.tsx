"use client";

import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import type { ActionResult } from "@/lib/tenancy/action";

/** Create or edit a skill group's name and description, in a dialog. */
export function SkillGroupDialog({
  open,
  onClose,
  title,
  submitLabel,
  initial,
  save,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  initial?: { name: string; description: string };
  save: (values: Record<string, string>) => Promise<ActionResult<unknown>>;
  onSaved?: () => void;
}) {
  const { t } = useI18n();
  const values = { name: initial?.name ?? "", description: initial?.description ?? "" };
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("skillGroup", input),
    defaultValues: values,
    submit: save,
    onSuccess: () => {
      onClose();
      onSaved?.();
    },
  });
  const close = () => {
    form.reset(values);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title}>
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        <Field id="skill-group-name" label={t("common.name")} error={fieldError("name")}>
          <Input {...form.register("name")} placeholder={t("skillGroups.namePlaceholder")} required autoFocus maxLength={60} />
        </Field>
        <Field id="skill-group-description" label={t("common.description")} optionalLabel={t("common.optional")} error={fieldError("description")}>
          <Textarea {...form.register("description")} placeholder={t("skillGroups.descriptionPlaceholder")} rows={3} maxLength={500} />
        </Field>
        <DialogFormActions onCancel={close} submitLabel={submitLabel} pending={pending} />
      </form>
    </Dialog>
  );
}
