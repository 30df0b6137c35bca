"use client";

import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import type { BotSettings } from "@/lib/services/bot/schemas";
import { BOT_MODES, BOT_TEXT_KEYS, type BotTextKey } from "@/lib/services/bot/constants";
import { saveBotConfigAction } from "./actions";

const MODES = BOT_MODES;
const LANGUAGES = ["zh-CN", "en"] as const;
type Language = (typeof LANGUAGES)[number];

interface Values {
  mode: string;
  engine: string;
  connectorId: string;
  answerThreshold: string;
  suggestThreshold: string;
  maxMisses: string;
  humanFirstQueueLength: string;
  keywords: string;
  texts: Record<Language, Record<BotTextKey, string>>;
}

const number = (value: string) => (value.trim() === "" ? null : Number(value));

/** One skill group's or channel's bot: mode, engine, thresholds, misses, keywords, queue length and its words per language. */
export function BotConfigDialog({
  orgSlug,
  target,
  connectors,
  defaults,
  onClose,
}: {
  orgSlug: string;
  target: BotSettings["targets"][number];
  connectors: BotSettings["connectors"];
  defaults: BotSettings["defaults"];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const config = target.config;
  const texts = (language: Language) => Object.fromEntries(BOT_TEXT_KEYS.map((key) => [key, config?.texts[language]?.[key] ?? ""])) as Record<BotTextKey, string>;
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<Values, Record<string, unknown>>({
    defaultValues: {
      mode: config?.mode ?? "bot_first",
      engine: config?.engine ?? "builtin",
      connectorId: config?.connectorId ?? "",
      answerThreshold: config?.answerThreshold?.toString() ?? "",
      suggestThreshold: config?.suggestThreshold?.toString() ?? "",
      maxMisses: String(config?.maxMisses ?? 2),
      humanFirstQueueLength: String(config?.humanFirstQueueLength ?? 5),
      keywords: (config?.handoverKeywords ?? []).join("\n"),
      texts: { "zh-CN": texts("zh-CN"), en: texts("en") },
    },
    toInput: (v) => ({
      mode: v.mode,
      engine: v.engine,
      connectorId: v.engine === "external" && v.connectorId ? v.connectorId : null,
      answerThreshold: number(v.answerThreshold),
      suggestThreshold: number(v.suggestThreshold),
      maxMisses: Number(v.maxMisses),
      humanFirstQueueLength: Number(v.humanFirstQueueLength),
      handoverKeywords: v.keywords
        .split("\n")
        .map((k) => k.trim())
        .filter(Boolean),
      texts: Object.fromEntries(LANGUAGES.map((language) => [language, Object.fromEntries(Object.entries(v.texts[language]).filter(([, text]) => text.trim() !== ""))])),
    }),
    submit: (input) => saveBotConfigAction(orgSlug, { scope: target.scope, id: target.id }, input),
    onSuccess: onClose,
  });
  const engine = form.watch("engine");
  return (
    <Dialog open onClose={onClose} title={t("botSettings.editTitle", { name: target.name })}>
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        <Field id="bot-mode" label={t("botSettings.mode")} hint={t("botSettings.mode.help")} error={fieldError("mode")}>
          <Select {...form.register("mode")}>
            {MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`botSettings.mode.${mode}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="bot-engine" label={t("botSettings.engine")} error={fieldError("engine")}>
            <Select {...form.register("engine")}>
              <option value="builtin">{t("botSettings.engine.builtin")}</option>
              <option value="external">{t("botSettings.engine.external")}</option>
            </Select>
          </Field>
          {engine === "external" && (
            <Field id="bot-connector" label={t("botSettings.connector")} error={fieldError("connectorId")}>
              <Select {...form.register("connectorId")}>
                <option value="">{t("botSettings.connector.none")}</option>
                {connectors.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="bot-answer-threshold" label={t("botSettings.answerThreshold")} error={fieldError("answerThreshold")}>
            <Input {...form.register("answerThreshold")} inputMode="decimal" placeholder={String(defaults.answer)} />
          </Field>
          <Field id="bot-suggest-threshold" label={t("botSettings.suggestThreshold")} error={fieldError("suggestThreshold")}>
            <Input {...form.register("suggestThreshold")} inputMode="decimal" placeholder={String(defaults.suggest)} />
          </Field>
        </div>
        <p className="-mt-2 text-xs text-zinc-500">{t("botSettings.thresholds.help", { answer: String(defaults.answer), suggest: String(defaults.suggest) })}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="bot-max-misses" label={t("botSettings.maxMisses")} error={fieldError("maxMisses")}>
            <Input {...form.register("maxMisses")} inputMode="numeric" />
          </Field>
          <Field id="bot-queue-length" label={t("botSettings.humanFirstQueueLength")} error={fieldError("humanFirstQueueLength")}>
            <Input {...form.register("humanFirstQueueLength")} inputMode="numeric" />
          </Field>
        </div>
        <Field id="bot-keywords" label={t("botSettings.keywords")} hint={t("botSettings.keywords.help")} error={fieldError("handoverKeywords")}>
          <Textarea {...form.register("keywords")} rows={3} />
        </Field>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-zinc-800">{t("botSettings.texts")}</legend>
          <p className="text-xs text-zinc-500">{t("botSettings.texts.help")}</p>
          {LANGUAGES.map((language) => (
            <details key={language} className="rounded-md border border-zinc-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-zinc-800">{t(`botSettings.language.${language}`)}</summary>
              <div className="mt-3 space-y-3">
                {BOT_TEXT_KEYS.map((key) => (
                  <Field key={key} id={`bot-text-${language}-${key}`} label={t(`botSettings.text.${key}`)} error={fieldError(`texts.${language}.${key}`)}>
                    <Textarea {...form.register(`texts.${language}.${key}`)} rows={2} />
                  </Field>
                ))}
              </div>
            </details>
          ))}
        </fieldset>
        <DialogFormActions onCancel={onClose} submitLabel={t("common.save")} pending={pending} />
      </form>
    </Dialog>
  );
}
