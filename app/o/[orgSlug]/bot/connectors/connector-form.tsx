"use client";

import { checkInputAction } from "@/app/check-input-action";
import { FormDialog, type FormDialogProps } from "@/components/settings/form-dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { CONNECTOR_NAME_MAX, CONNECTOR_TIMEOUT_DEFAULT_MS, CONNECTOR_URL_MAX } from "@/lib/services/bot-connectors/constants";
import type { ConnectorFormValues } from "./actions";

/** Create or edit a connector: its name, URL, timeout, what happens when it fails, and whether it is on. */
export function ConnectorDialog({ initial, save, ...dialog }: FormDialogProps<ConnectorFormValues>) {
  const { t } = useI18n();
  const values: ConnectorFormValues = initial ?? { name: "", url: "", timeoutMs: String(CONNECTOR_TIMEOUT_DEFAULT_MS), fallback: "queue", enabled: true };
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<ConnectorFormValues>({
    check: (input) => checkInputAction("botConnector", { ...input, timeoutMs: Number(input.timeoutMs) }),
    defaultValues: values,
    submit: save,
    onSuccess: () => dialog.onClose(),
  });
  return (
    <FormDialog {...dialog} reset={() => form.reset(values)} onSubmit={onSubmit} formError={formError} pending={pending}>
      <Field id="connector-name" label={t("field.name")} error={fieldError("name")}>
        <Input {...form.register("name")} placeholder={t("botConnectors.namePlaceholder")} required autoFocus maxLength={CONNECTOR_NAME_MAX} autoComplete="off" />
      </Field>
      <Field id="connector-url" label={t("field.connectorUrl")} error={fieldError("url")}>
        <Input {...form.register("url")} type="url" placeholder={t("botConnectors.urlPlaceholder")} required maxLength={CONNECTOR_URL_MAX} autoComplete="off" />
      </Field>
      <Field id="connector-timeout" label={t("field.connectorTimeout")} error={fieldError("timeoutMs")}>
        <Input {...form.register("timeoutMs")} type="number" min={500} max={10000} step={100} inputMode="numeric" />
      </Field>
      <Field id="connector-fallback" label={t("field.connectorFallback")} error={fieldError("fallback")}>
        <Select {...form.register("fallback")}>
          <option value="queue">{t("botConnectors.fallback.queue")}</option>
          <option value="builtin">{t("botConnectors.fallback.builtin")}</option>
        </Select>
      </Field>
      <label className="flex items-center gap-2 text-sm text-zinc-700">
        <input type="checkbox" {...form.register("enabled")} className="size-4 rounded border-zinc-300" />
        {t("botConnectors.enabled")}
      </label>
    </FormDialog>
  );
}
