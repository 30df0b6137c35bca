"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMoreFooter, useCursorPages } from "@/components/ui/load-more";
import { ReportsIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useFormat, useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { RunSummaryView } from "@/lib/services/workflows";
import { RUN_STATUSES } from "@/lib/services/workflows/schemas";
import { loadRunsPageAction } from "./actions";
import { durationBetween } from "./format";
import { RunStatusBadge } from "./status-badge";

export function WorkflowsClient({
  orgSlug,
  orgName,
  allOrgs,
  initial,
  status,
}: {
  orgSlug: string;
  orgName: string;
  allOrgs: boolean;
  initial: { data: RunSummaryView[]; nextCursor: string | null };
  status: string;
}) {
  const { t } = useI18n();
  const format = useFormat();
  const router = useRouter();
  // Null only outside the App Router; typed nullable since pages/ holds the webhook route.
  const pathname = usePathname() ?? "";
  const pages = useCursorPages(initial, (cursor) => loadRunsPageAction(orgSlug, { cursor, status: status || undefined }));
  const runs = pages.items;
  const [filtering, startFiltering] = useTransition();

  const setStatus = (value: string) => startFiltering(() => router.replace(value ? `${pathname}?status=${encodeURIComponent(value)}` : pathname));

  return (
    <div>
      <p className="mb-1 max-w-2xl text-sm text-zinc-500">{t("workflows.description", { org: orgName })}</p>
      {allOrgs && <p className="mb-1 text-sm text-zinc-500">{t("workflows.descriptionAll")}</p>}
      <div className="mt-3 mb-4 flex flex-wrap items-end gap-3" aria-busy={filtering || undefined}>
        <div className="space-y-1">
          <label htmlFor="workflow-status" className="text-xs font-medium text-zinc-600">
            {t("workflows.filter.status")}
          </label>
          <Select id="workflow-status" className="w-48" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t("workflows.filter.any")}</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`workflows.status.${s}` as MessageKey)}
              </option>
            ))}
          </Select>
        </div>
      </div>

      {runs.length === 0 ? (
        status ? (
          <EmptyState title={t("workflows.empty.filtered")} className="py-10" />
        ) : (
          <EmptyState icon={<ReportsIcon className="size-5" />} title={t("workflows.empty.title")} body={t("workflows.empty.body")} />
        )
      ) : (
        <Table label={t("settings.nav.workflows")} className={filtering ? "cursor-progress [&_tbody]:bg-zinc-50" : undefined}>
          <THead>
            <TH>{t("workflows.col.function")}</TH>
            <TH>{t("workflows.col.trigger")}</TH>
            <TH>{t("workflows.col.status")}</TH>
            <TH className="hidden md:table-cell">{t("workflows.col.attempt")}</TH>
            <TH className="hidden lg:table-cell">{t("workflows.col.started")}</TH>
            <TH className="hidden lg:table-cell">{t("workflows.col.ended")}</TH>
            <TH>{t("workflows.col.duration")}</TH>
          </THead>
          <TBody>
            {runs.map((r) => (
              <TR key={r.id} data-testid="workflow-run-row">
                <TD stack="title">
                  <Link href={`/o/${orgSlug}/settings/workflows/${r.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                    {r.functionName}
                  </Link>
                  {allOrgs && r.orgId && <div className="font-mono text-[11px] text-zinc-500">{r.orgId}</div>}
                </TD>
                <TD label={t("workflows.col.trigger")}>
                  <code className="font-mono text-xs break-all text-zinc-600">{r.trigger || "—"}</code>
                </TD>
                <TD label={t("workflows.col.status")}>
                  <RunStatusBadge status={r.status} />
                </TD>
                <TD stack="omit" className="hidden text-[13px] text-zinc-500 tabular-nums md:table-cell">{r.attempt}</TD>
                <TD label={t("workflows.col.started")} className="hidden text-[13px] whitespace-nowrap text-zinc-500 lg:table-cell">
                  <Time iso={r.startedAt} />
                </TD>
                <TD stack="omit" className="hidden text-[13px] whitespace-nowrap text-zinc-500 lg:table-cell">{r.endedAt ? <Time iso={r.endedAt} /> : "—"}</TD>
                <TD label={t("workflows.col.duration")} className="text-[13px] whitespace-nowrap text-zinc-500 tabular-nums">
                  {r.endedAt ? format.duration(durationBetween(r.startedAt, r.endedAt)) : t("workflows.run.inProgress")}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <LoadMoreFooter pages={pages} end={t("workflows.end")} />
    </div>
  );
}
