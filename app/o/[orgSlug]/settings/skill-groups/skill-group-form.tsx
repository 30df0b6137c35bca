"use client";

import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useSubmit } from "@/components/ui/use-submit";
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
  const form = useSubmit(save, () => {
    onClose();
    onSaved?.();
  });
  const close = () => {
    form.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title}>
      <form className="space-y-4" noValidate onSubmit={form.onSubmit}>
        {form.formError && <Alert>{form.formError}</Alert>}
        <Field id="skill-group-name" label={t("common.name")} error={form.fieldError("name")}>
          <Input name="name" defaultValue={initial?.name} placeholder={t("skillGroups.namePlaceholder")} required autoFocus maxLength={60} />
        </Field>
        <Field id="skill-group-description" label={t("common.description")} optionalLabel={t("common.optional")} error={form.fieldError("description")}>
          <Textarea name="description" defaultValue={initial?.description} placeholder={t("skillGroups.descriptionPlaceholder")} rows={3} maxLength={500} />
        </Field>
        <DialogFormActions onCancel={close} submitLabel={submitLabel} pending={form.pending} />
      </form>
    </Dialog>
  );
}
