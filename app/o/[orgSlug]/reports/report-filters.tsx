"use client";

import type { ChangeEvent, ReactNode } from "react";
import { Input, Select } from "@/components/ui/input";
import { buttonClass } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";

export interface FilterChoice {
  name: "channelId" | "skillGroupId" | "membershipId";
  label: string;
  value: string;
  options: { id: string; name: string }[];
}

const PRESETS = ["today", "7d", "30d", "custom"] as const;

/**
 * The range and filters as a plain GET form, so they live in the URL (a link or a reload opens the same
 * report) and work before the page's JavaScript. Picking a date switches the range to Custom; a preset ignores
 * the dates (the page drops them).
 */
export function ReportFilters({ preset, from, to, choices, keep = {} }: { preset: string; from: string; to: string; choices: FilterChoice[]; keep?: Record<string, string> }) {
  const { t } = useI18n();
  const toCustom = (event: ChangeEvent<HTMLInputElement>) => {
    const select = event.currentTarget.form?.elements.namedItem("preset");
    if (select instanceof HTMLSelectElement) select.value = "custom";
  };
  return (
    <form method="get" aria-label={t("reports.filters.label")} className="flex flex-wrap items-end gap-3 print:hidden" data-testid="report-filters">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-xs font-medium text-zinc-600">
        {t("reports.filters.preset")}
        <Select name="preset" defaultValue={preset} className="mt-1 w-40">
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`reports.preset.${p}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-xs font-medium text-zinc-600">
        {t("reports.filters.from")}
        <Input type="date" name="from" defaultValue={from} onChange={toCustom} className="mt-1" />
      </label>
      <label className="text-xs font-medium text-zinc-600">
        {t("reports.filters.to")}
        <Input type="date" name="to" defaultValue={to} onChange={toCustom} className="mt-1" />
      </label>
      {choices.map((c) => (
        <label key={c.name} className="text-xs font-medium text-zinc-600">
          {c.label}
          <Select name={c.name} defaultValue={c.value} className="mt-1 w-44">
            <option value="">{t("reports.filters.all")}</option>
            {c.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </label>
      ))}
      <button type="submit" className={buttonClass("primary")}>
        {t("reports.filters.apply")}
      </button>
    </form>
  );
}

/** Prints the page as it is (print:hidden drops the shell, the filters and the toggles; charts keep their tables). */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("secondary", "sm", "print:hidden")}>
      {t("reports.print")}
    </button>
  );
}

/** The top of a report page: its filters and the print button, why a query was refused, and the range shown. */
export function ReportHeader({ filters, refused, children }: { filters: ReactNode; refused: string | null; children: ReactNode }) {
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        {filters}
        <PrintButton />
      </div>
      {refused && (
        <p role="alert" className="text-sm text-red-700">
          {refused}
        </p>
      )}
      <p className="text-sm text-zinc-600" data-testid="report-range">
        {children}
      </p>
    </>
  );
}
