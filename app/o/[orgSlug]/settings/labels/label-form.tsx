"use client";

import { cn } from "@/components/ui/cn";
import { FormDialog, type FormDialogProps } from "@/components/settings/form-dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { LABEL_COLORS, LABEL_DESCRIPTION_MAX, LABEL_NAME_MAX } from "@/lib/services/labels/constants";
import { LabelChip, SWATCH_CLASSES } from "../../conversations/_components/label-chip";

/** Create or edit a label's name, colour and description, in a dialog. */
export function LabelDialog({ initial, save, ...dialog }: FormDialogProps<Record<string, string>, { name: string; color: string; description: string }>) {
  const { t } = useI18n();
  const values = { name: initial?.name ?? "", color: initial?.color ?? "zinc", description: initial?.description ?? "" };
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("label", input),
    defaultValues: values,
    submit: save,
    onSuccess: dialog.onClose,
  });
  const [name, color] = [form.watch("name"), form.watch("color")];
  return (
    <FormDialog {...dialog} reset={() => form.reset(values)} onSubmit={onSubmit} formError={formError} pending={pending}>
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
    </FormDialog>
  );
}
