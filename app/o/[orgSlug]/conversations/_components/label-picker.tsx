"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckIcon, TagIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import { cn } from "@/components/ui/cn";
import { LabelChip, SWATCH_CLASSES } from "./label-chip";
import type { LabelColor } from "@/lib/services/labels/constants";

export interface LabelOption {
  id: string;
  name: string;
  color: string;
}

/**
 * The conversation's labels as chips, and a checklist of the organisation's labels to change them. Each
 * change hands the whole new set to `onChange` (setConversationLabelsAction takes the set); the caller keeps
 * the value and says when it is `saving`. No server imports: data and callbacks come in as props.
 */
export function LabelPicker({
  labels,
  value,
  onChange,
  saving = false,
  disabled = false,
  error,
}: {
  /** Every label of the organisation, as listLabels gives them. */
  labels: readonly LabelOption[];
  /** The ids of the labels the conversation carries. */
  value: readonly string[];
  onChange: (labelIds: string[]) => void;
  saving?: boolean;
  /** Read-only (a member who may not reply). */
  disabled?: boolean;
  error?: string | null;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const chosen = labels.filter((l) => value.includes(l.id));
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id]);
  return (
    <div className="space-y-2" data-testid="label-picker">
      <div className="flex flex-wrap items-center gap-1.5">
        {chosen.length === 0 ? (
          <span className="text-sm text-zinc-500">{t("labels.picker.none")}</span>
        ) : (
          chosen.map((l) => (
            <LabelChip key={l.id} name={l.name} color={l.color}>
              {!disabled && (
                <button type="button" className="-mr-1 rounded-full px-1 leading-none hover:bg-black/10" aria-label={t("labels.picker.remove", { name: l.name })} onClick={() => toggle(l.id)} disabled={saving}>
                  ×
                </button>
              )}
            </LabelChip>
          ))
        )}
        {saving && <span className="text-xs text-zinc-500">{t("labels.picker.saving")}</span>}
      </div>
      {!disabled && (
        <Button variant="ghost" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={listId}>
          <TagIcon className="size-4" />
          {t("labels.picker.edit")}
        </Button>
      )}
      {open && !disabled && (
        <div id={listId}>
          {labels.length === 0 ? (
            <p className="text-sm text-zinc-500">{t("labels.picker.empty")}</p>
          ) : (
            <ul className="max-h-64 space-y-0.5 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1" aria-label={t("labels.picker.title")}>
              {labels.map((l) => {
                const checked = value.includes(l.id);
                return (
                  <li key={l.id}>
                    <label className={cn("flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500", saving && "cursor-wait opacity-70")}>
                      <input type="checkbox" className="sr-only" checked={checked} disabled={saving} onChange={() => toggle(l.id)} />
                      <span className={cn("size-2.5 shrink-0 rounded-full", SWATCH_CLASSES[l.color as LabelColor] ?? SWATCH_CLASSES.zinc)} aria-hidden />
                      <span className="min-w-0 flex-1 truncate text-zinc-800">{l.name}</span>
                      <CheckIcon className={cn("size-4 text-accent-600", !checked && "invisible")} aria-hidden />
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
