"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMoreFooter, useCursorPages } from "@/components/ui/load-more";
import { Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import type { Page } from "@/lib/pagination";
import type { AuditEntryView } from "@/lib/services/audit";
import {
  AUDIT_ACTIONS,
  AUDIT_RESOURCE_TYPES,
  auditActionLabelKey,
  auditResourceLabelKey,
  isAuditAction,
  isAuditResourceType,
} from "@/lib/audit/actions";
import { loadAuditPageAction } from "./actions";

export function AuditLogClient({
  orgSlug,
  orgName,
  initial,
  filters,
}: {
  orgSlug: string;
  orgName: string;
  initial: Page<AuditEntryView>;
  filters: { action: string; resourceType: string };
}) {
  const { t } = useI18n();
  const router = useRouter();
  // Null only outside the App Router; typed nullable since pages/ holds the webhook route.
  const pathname = usePathname() ?? "";
  const pages = useCursorPages(initial, (cursor) => loadAuditPageAction(orgSlug, { cursor, ...filters }));
  const entries = pages.items;
  const [filtering, startFiltering] = useTransition();

  // Rows written before an action joined the vocabulary (or after one left it) show their raw id.
  const actionLabel = (action: string) => (isAuditAction(action) ? t(auditActionLabelKey(action)) : action);
  const resourceLabel = (type: string) => (isAuditResourceType(type) ? t(auditResourceLabelKey(type)) : type);

  const setFilter = (name: "action" | "resourceType", value: string) => {
    const next = new URLSearchParams({ ...filters, [name]: value });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    const qs = next.toString();
    startFiltering(() => router.replace(qs ? `${pathname}?${qs}` : pathname));
  };

  const filtered = Boolean(filters.action || filters.resourceType);
  return (
    <div>
      <p className="mb-4 text-sm text-zinc-500">{t("audit.description", { org: orgName })}</p>
      <div className="mb-4 flex flex-wrap items-end gap-3" aria-busy={filtering || undefined}>
        <div className="space-y-1">
          <label htmlFor="audit-action" className="text-xs font-medium text-zinc-600">
            {t("audit.filter.action")}
          </label>
          <Select id="audit-action" className="w-56" value={filters.action} onChange={(e) => setFilter("action", e.target.value)}>
            <option value="">{t("audit.filter.any")}</option>
            {AUDIT_RESOURCE_TYPES.map((r) => (
              <optgroup key={r} label={resourceLabel(r)}>
                {AUDIT_ACTIONS.filter((a) => a.resourceType === r).map((a) => (
                  <option key={a.action} value={a.action}>
                    {t(a.labelKey)}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-resource" className="text-xs font-medium text-zinc-600">
            {t("audit.filter.resourceType")}
          </label>
          <Select id="audit-resource" className="w-48" value={filters.resourceType} onChange={(e) => setFilter("resourceType", e.target.value)}>
            <option value="">{t("audit.filter.any")}</option>
            {AUDIT_RESOURCE_TYPES.map((r) => (
              <option key={r} value={r}>
                {resourceLabel(r)}
              </option>
            ))}
          </Select>
        </div>
        {filtered && (
          <Button variant="ghost" onClick={() => startFiltering(() => router.replace(pathname))}>
            {t("audit.filter.clear")}
          </Button>
        )}
      </div>

      {entries.length === 0 ? (
        <EmptyState title={t("audit.empty")} className="py-10" />
      ) : (
        <Table label={t("settings.nav.auditLog")} className={filtering ? "cursor-progress [&_tbody]:bg-zinc-50" : undefined}>
          <THead>
            <TH>{t("audit.col.time")}</TH>
            <TH>{t("audit.col.actor")}</TH>
            <TH>{t("audit.col.action")}</TH>
            <TH>{t("audit.col.resource")}</TH>
            <TH>{t("audit.col.changes")}</TH>
          </THead>
          <TBody>
            {entries.map((e) => (
              <TR key={e.id} data-testid="audit-row" className="align-top">
                <TD label={t("audit.col.time")} className="text-[13px] whitespace-nowrap text-zinc-500">
                  <Time iso={e.at} />
                </TD>
                <TD label={t("audit.col.actor")}>
                  {e.actorType === "system" ? (
                    <div className="text-zinc-900">{t("audit.actor.system")}</div>
                  ) : (
                    <>
                      <div className="max-w-52 truncate text-zinc-900">{e.actorLabel}</div>
                      {e.actorType === "api_key" && <div className="text-xs text-zinc-500">{t("audit.actor.api_key")}</div>}
                    </>
                  )}
                </TD>
                <TD stack="title">
                  <div className="font-medium text-zinc-900 sm:whitespace-nowrap">{actionLabel(e.action)}</div>
                  <code className="font-mono text-[11px] text-zinc-500">{e.action}</code>
                </TD>
                <TD label={t("audit.col.resource")}>
                  <Badge>{resourceLabel(e.resourceType)}</Badge>
                </TD>
                <TD label={t("audit.col.changes")} stack="wide">
                  <Changes before={e.before} after={e.after} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <LoadMoreFooter pages={pages} end={t("audit.end")} />
    </div>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Before/after as one line per field: unchanged fields plain, changed ones struck through → new. */
function Changes({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const b = before && typeof before === "object" ? (before as Record<string, unknown>) : null;
  const a = after && typeof after === "object" ? (after as Record<string, unknown>) : null;
  if (!b && !a) return <span className="text-zinc-500">—</span>;
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-mono text-xs" aria-label={`${t("audit.before")} / ${t("audit.after")}`}>
      {fields.map((f) => {
        const from = b ? show(b[f]) : null;
        const to = a ? show(a[f]) : null;
        return (
          <div key={f} className="contents">
            <dt className="text-zinc-500">{f}</dt>
            <dd className="min-w-0 break-all text-zinc-700">
              {from !== null && to !== null && from !== to ? (
                <>
                  <span className="text-red-600 line-through decoration-red-300" title={t("audit.before")}>
                    {from}
                  </span>{" "}
                  → <span className="text-emerald-700" title={t("audit.after")}>{to}</span>
                </>
              ) : to !== null ? (
                <span title={t("audit.after")}>{to}</span>
              ) : (
                <span className="text-zinc-500" title={t("audit.before")}>
                  {from}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
