"use client";

import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { LABEL_COLORS, LABEL_DESCRIPTION_MAX, LABEL_NAME_MAX } from "@/lib/services/labels/constants";
import type { ActionResult } from "@/lib/tenancy/action";
import { LabelChip, SWATCH_CLASSES } from "../../conversations/_components/label-chip";

/** Create or edit a label's name, colour and description, in a dialog. */
export function LabelDialog({
  open,
  onClose,
  title,
  submitLabel,
  initial,
  save,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  initial?: { name: string; color: string; description: string };
  save: (values: Record<string, string>) => Promise<ActionResult<unknown>>;
}) {
  const { t } = useI18n();
  const values = { name: initial?.name ?? "", color: initial?.color ?? "zinc", description: initial?.description ?? "" };
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("label", input),
    defaultValues: values,
    submit: save,
    onSuccess: onClose,
  });
  const close = () => {
    form.reset(values);
    onClose();
  };
  const [name, color] = [form.watch("name"), form.watch("color")];
  return (
    <Dialog open={open} onClose={close} title={title}>
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        <Field id="label-name" label={t("common.name")} error={fieldError("name")}>
          <Input {...form.register("name")} placeholder={t("labels.namePlaceholder")} required autoFocus maxLength={LABEL_NAME_MAX} />
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">{t("labels.color")}</legend>
          <div className="flex flex-wrap gap-2">
            {LABEL_COLORS.map((c) => (
              <label key={c} className="cursor-pointer" title={t(`labels.color.${c}`)}>
                <input type="radio" value={c} {...form.register("color")} className="peer sr-only" />
                <span
                  className={cn(
                    "block size-7 rounded-full ring-2 ring-transparent ring-offset-2 peer-checked:ring-zinc-900 peer-focus-visible:ring-accent-500",
                    SWATCH_CLASSES[c],
                  )}
                />
                <span className="sr-only">{t(`labels.color.${c}`)}</span>
              </label>
            ))}
          </div>
          {fieldError("color") && <p className="text-sm text-red-600">{fieldError("color")}</p>}
          <div aria-hidden>{name.trim() && <LabelChip name={name.trim()} color={color} />}</div>
        </fieldset>
        <Field id="label-description" label={t("common.description")} optionalLabel={t("common.optional")} error={fieldError("description")}>
          <Textarea {...form.register("description")} placeholder={t("labels.descriptionPlaceholder")} rows={2} maxLength={LABEL_DESCRIPTION_MAX} />
        </Field>
        <DialogFormActions onCancel={close} submitLabel={submitLabel} pending={pending} />
      </form>
    </Dialog>
  );
}
