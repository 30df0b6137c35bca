"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Textarea } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";
import { CSAT_LANGUAGES, CSAT_TEXT_KEYS, CSAT_TEXT_MAX, type CsatLanguage, type CsatTextKey } from "@/lib/services/csat/constants";
import type { CsatSettings } from "@/lib/services/csat/schemas";
import type { ActionError } from "@/lib/tenancy/action";
import { saveCsatSettingsAction } from "./csat-actions";

const FIELD_LABEL = { question: "csat.field.question", commentPrompt: "csat.field.commentPrompt", thanks: "csat.field.thanks" } as const satisfies Record<CsatTextKey, string>;

/** The channel's satisfaction survey: on or off, and its words per language (empty: the built-in words, shown as placeholders). */
export function CsatPanel({ orgSlug, initial }: { orgSlug: string; initial: CsatSettings }) {
  const { t, serverMessage } = useI18n();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [texts, setTexts] = useState(initial.texts);
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const setText = (language: CsatLanguage, key: CsatTextKey, value: string) => {
    setSaved(false);
    setTexts((all) => ({ ...all, [language]: { ...all[language], [key]: value } }));
  };
  const save = () =>
    startTransition(async () => {
      const result = await saveCsatSettingsAction(orgSlug, initial.channelId, { enabled, texts });
      if (result.ok) {
        setEnabled(result.data.enabled);
        setTexts(result.data.texts);
        setError(null);
        setSaved(true);
      } else setError(result.error);
    });
  return (
    <Card title={t("csat.title")} testId="csat-panel">
      <div className="space-y-4 text-sm">
        <p className="text-zinc-600">{t("csat.description")}</p>
        <label className="flex items-center gap-2 font-medium text-zinc-900">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => {
              setSaved(false);
              setEnabled(e.target.checked);
            }}
            className="size-4 accent-accent-600"
          />
          {t("csat.enabled")}
        </label>
        <p className="text-xs text-zinc-500">{t("csat.languageHint")}</p>
        {CSAT_LANGUAGES.map((language) => (
          <fieldset key={language} className="space-y-2">
            <legend className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{t(`csat.language.${language}`)}</legend>
            {CSAT_TEXT_KEYS.map((key) => {
              const id = `csat-${language}-${key}`;
              return (
                <div key={key} className="space-y-1">
                  <label htmlFor={id} className="block text-zinc-700">
                    {t(FIELD_LABEL[key])}
                  </label>
                  <Textarea id={id} rows={2} maxLength={CSAT_TEXT_MAX} value={texts[language][key]} placeholder={initial.defaults[language][key]} onChange={(e) => setText(language, key, e.target.value)} />
                </div>
              );
            })}
          </fieldset>
        ))}
        {error && <Alert>{serverMessage(error)}</Alert>}
        {saved && <Alert tone="success">{t("csat.saved")}</Alert>}
        <Button onClick={save} disabled={pending} data-testid="csat-save">
          {t("csat.save")}
        </Button>
      </div>
    </Card>
  );
}
