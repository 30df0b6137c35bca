"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { BotIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Input, Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
import { useI18n } from "@/lib/i18n/client";
import { FAQ_LIST_LIMIT } from "@/lib/services/faqs/constants";
import type { Faq } from "@/lib/services/faqs/schemas";
import { deleteFaqAction, setFaqsEnabledAction } from "./actions";
import { FaqImportDialog } from "./faq-import-dialog";
import { FaqSynonymsPanel } from "./faq-synonyms-panel";

interface Filters {
  q?: string;
  language?: "en" | "zh-CN";
  enabled?: "true" | "false";
}

/** The FAQ list: search and filters (in the URL), bulk enable/disable, import, export, the synonyms. */
export function FaqsClient({
  orgSlug,
  faqs,
  filters,
  filtered,
  limited,
  synonyms,
  canManage,
}: {
  orgSlug: string;
  faqs: Faq[];
  filters: Filters;
  filtered: boolean;
  limited: boolean;
  categoryCount: number;
  synonyms: string[][];
  canManage: boolean;
}) {
  const { t, serverMessage } = useI18n();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = useConfirmRow((faq: Faq) => deleteFaqAction(orgSlug, faq.id));
  const base = `/o/${orgSlug}/bot/faqs`;

  const applyFilters = (next: Filters) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...next })) if (value) params.set(key, value);
    setSelected(new Set());
    router.push(params.size ? `${base}?${params}` : base);
  };
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = faqs.length > 0 && faqs.every((f) => selected.has(f.id));
  const bulk = (enabled: boolean) =>
    startTransition(async () => {
      const result = await setFaqsEnabledAction(orgSlug, [...selected], enabled);
      if (!result.ok) return setNotice({ tone: "error", text: serverMessage(result.error) });
      setNotice({ tone: "success", text: t("faqs.bulk.done", { count: result.data.changed }) });
      setSelected(new Set());
      router.refresh();
    });

  const newButton = canManage && (
    <ButtonLink href={`${base}/new`}>
      <PlusIcon className="size-4" />
      {t("faqs.new")}
    </ButtonLink>
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-2xl text-sm text-zinc-500">{t("faqs.description")}</p>
        <div className="flex flex-wrap gap-2">
          {/* Plain links: the download answers with a file (content-disposition), not a page to navigate to. */}
          <a href={`/api/downloads/faqs.csv?org=${encodeURIComponent(orgSlug)}`} download className={buttonClass("secondary")}>
            {t("faqs.export.csv")}
          </a>
          <a href={`/api/downloads/faqs.json?org=${encodeURIComponent(orgSlug)}`} download className={buttonClass("secondary")}>
            {t("faqs.export.json")}
          </a>
          {canManage && (
            <Button variant="secondary" onClick={() => setImporting(true)}>
              {t("faqs.import")}
            </Button>
          )}
          {newButton}
        </div>
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {faqs.length === 0 && !filtered ? (
        <EmptyState icon={<BotIcon className="size-5" />} title={t("faqs.empty.title")} body={t("faqs.empty.body")} action={newButton || undefined} />
      ) : (
        <>
          <form
            role="search"
            className="flex flex-wrap items-center gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              applyFilters({ q: String(new FormData(e.currentTarget).get("q") ?? "").trim() || undefined });
            }}
          >
            <Input name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("faqs.searchPlaceholder")} aria-label={t("faqs.searchPlaceholder")} className="w-72 max-w-full" />
            <Select aria-label={t("faqs.col.language")} value={filters.language ?? ""} onChange={(e) => applyFilters({ language: (e.target.value || undefined) as Filters["language"] })} className="w-auto">
              <option value="">{t("faqs.filter.allLanguages")}</option>
              <option value="zh-CN">{t("faqs.language.zh-CN")}</option>
              <option value="en">{t("faqs.language.en")}</option>
            </Select>
            <Select aria-label={t("faqs.col.status")} value={filters.enabled ?? ""} onChange={(e) => applyFilters({ enabled: (e.target.value || undefined) as Filters["enabled"] })} className="w-auto">
              <option value="">{t("faqs.filter.allStates")}</option>
              <option value="true">{t("faqs.filter.enabledOnly")}</option>
              <option value="false">{t("faqs.filter.disabledOnly")}</option>
            </Select>
          </form>
          {canManage && selected.size > 0 && (
            <div className="flex flex-wrap items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm" data-testid="faq-bulk-bar">
              <span className="text-zinc-700">{t("faqs.selected", { count: selected.size })}</span>
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => bulk(true)}>
                {t("faqs.bulk.enable")}
              </Button>
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => bulk(false)}>
                {t("faqs.bulk.disable")}
              </Button>
            </div>
          )}
          {limited && <Alert tone="info">{t("faqs.limited", { count: FAQ_LIST_LIMIT })}</Alert>}
          {faqs.length === 0 ? (
            <p className="text-sm text-zinc-500">{t("faqs.noMatches")}</p>
          ) : (
            <Table label={t("bot.tabs.faqs")}>
              <THead>
                {canManage && (
                  <TH className="w-10">
                    <input type="checkbox" aria-label={t("faqs.selectAll")} checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(faqs.map((f) => f.id)))} />
                  </TH>
                )}
                <TH>{t("faqs.col.question")}</TH>
                <TH className="hidden md:table-cell">{t("faqs.col.language")}</TH>
                <TH className="hidden md:table-cell">{t("faqs.col.category")}</TH>
                <TH>{t("faqs.col.status")}</TH>
                {canManage && (
                  <TH className="w-16">
                    <span className="sr-only">{t("common.actions")}</span>
                  </TH>
                )}
              </THead>
              <TBody>
                {faqs.map((f) => (
                  <TR key={f.id} data-testid="faq-row">
                    {canManage && (
                      <TD>
                        <input type="checkbox" aria-label={t("faqs.select", { question: f.question })} checked={selected.has(f.id)} onChange={() => toggle(f.id)} />
                      </TD>
                    )}
                    <TD stack="title">
                      {canManage ? (
                        <a href={`${base}/${f.id}`} className="font-medium text-zinc-900 [overflow-wrap:anywhere] hover:underline">
                          {f.question}
                        </a>
                      ) : (
                        <span className="font-medium text-zinc-900 [overflow-wrap:anywhere]">{f.question}</span>
                      )}
                      {f.alternatives.length > 0 && <span className="ml-2 text-xs text-zinc-500">{t("faqs.alternativesCount", { count: f.alternatives.length })}</span>}
                    </TD>
                    <TD label={t("faqs.col.language")} className="hidden md:table-cell">
                      {t(f.language === "en" ? "faqs.language.en" : "faqs.language.zh-CN")}
                    </TD>
                    <TD label={t("faqs.col.category")} className="hidden text-zinc-600 md:table-cell">
                      {f.category}
                    </TD>
                    <TD label={t("faqs.col.status")}>
                      <Badge tone={f.enabled ? "success" : "neutral"}>{t(f.enabled ? "faqs.status.enabled" : "faqs.status.disabled")}</Badge>
                    </TD>
                    {canManage && (
                      <TD stack="end">
                        <Button variant="ghost" size="sm" aria-label={`${t("common.delete")} ${f.question}`} title={t("common.delete")} onClick={() => remove.ask(f)}>
                          <TrashIcon className="size-4" />
                        </Button>
                      </TD>
                    )}
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </>
      )}
      <FaqSynonymsPanel orgSlug={orgSlug} groups={synonyms} canManage={canManage} />
      {canManage && <FaqImportDialog orgSlug={orgSlug} open={importing} onClose={() => setImporting(false)} onImported={(count) => setNotice({ tone: "success", text: t("faqs.import.done", { count }) })} />}
      <ConfirmDialog {...remove.dialog} title={t("faqs.delete.title")} body={t("faqs.delete.body")} confirmLabel={t("common.delete")} />
    </div>
  );
}
