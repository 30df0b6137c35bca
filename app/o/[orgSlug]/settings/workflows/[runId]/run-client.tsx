"use client";

import Link from "next/link";
import { Fragment, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ChevronLeftIcon } from "@/components/ui/icons";
import { PageHeader, SectionTitle } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useAction } from "@/components/ui/use-submit";
import { useFormat, useI18n } from "@/lib/i18n/client";
import { CANCELLABLE_STATUSES } from "@/lib/services/workflows/schemas";
import { cancelRunAction, retryRunAction } from "../actions";
import { durationBetween, type JsonPreview } from "../format";
import { RunStatusBadge } from "../status-badge";

export interface RunPageData {
  id: string;
  functionName: string;
  functionId: string;
  trigger: string;
  orgId: string | null;
  status: string;
  attempt: number;
  startedAt: string;
  endedAt: string | null;
  event: JsonPreview | null;
  output: JsonPreview | null;
  error: JsonPreview | null;
  steps: {
    stepId: string;
    name: string;
    op: string;
    status: string;
    attempts: number;
    startedAt: string;
    endedAt: string | null;
    durationMs: number | null;
    until: string | null;
    output: JsonPreview | null;
    error: JsonPreview | null;
  }[];
}

export function RunClient({ orgSlug, run, showOrg }: { orgSlug: string; run: RunPageData; showOrg: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const [confirming, setConfirming] = useState<"retry" | "cancel" | null>(null);
  const action = useAction();
  const open = (which: "retry" | "cancel") => {
    action.setError(null);
    setConfirming(which);
  };
  const actions = (
    <>
      {run.status === "failed" && <Button onClick={() => open("retry")}>{t("workflows.retry")}</Button>}
      {CANCELLABLE_STATUSES.includes(run.status) && (
        <Button variant="secondary" onClick={() => open("cancel")}>
          {t("workflows.cancel")}
        </Button>
      )}
    </>
  );
  return (
    <div>
      <Link href={`/o/${orgSlug}/settings/workflows`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
        <ChevronLeftIcon className="size-4" />
        {t("workflows.back")}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {run.functionName}
            <RunStatusBadge status={run.status} />
          </span>
        }
        actions={actions}
      />
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-3 rounded-xl border border-zinc-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Item label={t("workflows.run.id")}>
          <code className="font-mono text-xs break-all">{run.id}</code>
        </Item>
        <Item label={t("workflows.col.trigger")}>
          <code className="font-mono text-xs">{run.trigger || "—"}</code>
        </Item>
        <Item label={t("workflows.col.attempt")}>{run.attempt}</Item>
        <Item label={t("workflows.col.started")}>
          <Time iso={run.startedAt} />
        </Item>
        <Item label={t("workflows.col.ended")}>{run.endedAt ? <Time iso={run.endedAt} /> : t("workflows.run.inProgress")}</Item>
        <Item label={t("workflows.col.duration")}>{run.endedAt ? format.duration(durationBetween(run.startedAt, run.endedAt)) : "—"}</Item>
        {showOrg && (
          <Item label={t("workflows.run.org")}>
            <code className="font-mono text-xs break-all">{run.orgId ?? "—"}</code>
          </Item>
        )}
      </dl>

      {run.error && <JsonBlock title={t("workflows.run.error")} value={run.error} tone="danger" />}
      {run.output && <JsonBlock title={t("workflows.run.output")} value={run.output} />}

      <SectionTitle>{t("workflows.steps")}</SectionTitle>
      {run.steps.length === 0 ? (
        <p className="mb-6 rounded-xl border border-dashed border-zinc-300 bg-white px-4 py-6 text-center text-sm text-zinc-500">{t("workflows.steps.empty")}</p>
      ) : (
        <div className="mb-6">
          <Steps steps={run.steps} />
        </div>
      )}

      {run.event && <JsonBlock title={t("workflows.run.event")} value={run.event} collapsed />}

      <ConfirmDialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t(confirming === "retry" ? "workflows.retry.title" : "workflows.cancel.title")}
        body={t(confirming === "retry" ? "workflows.retry.body" : "workflows.cancel.body")}
        confirmLabel={t(confirming === "retry" ? "workflows.retry" : "workflows.cancel")}
        pending={action.pending}
        error={action.error}
        onConfirm={() =>
          confirming && action.run(() => (confirming === "retry" ? retryRunAction(orgSlug, run.id) : cancelRunAction(orgSlug, run.id)), () => setConfirming(null))
        }
      />
    </div>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-zinc-900">{children}</dd>
    </div>
  );
}

function Steps({ steps }: { steps: RunPageData["steps"] }) {
  const { t } = useI18n();
  const format = useFormat();
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(() => new Set(steps.filter((s) => s.status === "failed").map((s) => s.stepId)));
  const toggle = (id: string) =>
    setOpenIds((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Table label={t("workflows.steps")}>
      <THead>
        <TH>{t("workflows.col.step")}</TH>
        <TH className="hidden md:table-cell">{t("workflows.col.op")}</TH>
        <TH>{t("workflows.col.status")}</TH>
        <TH className="hidden md:table-cell">{t("workflows.col.attempts")}</TH>
        <TH className="hidden lg:table-cell">{t("workflows.col.started")}</TH>
        <TH>{t("workflows.col.duration")}</TH>
        <TH className="w-20">
          <span className="sr-only">{t("workflows.details.show")}</span>
        </TH>
      </THead>
      <TBody>
        {steps.map((s) => {
          const isOpen = openIds.has(s.stepId);
          const detailsId = `step-${s.stepId}`;
          return (
            <Fragment key={s.stepId}>
              <TR data-testid="workflow-step-row">
                <TD stack="title" className="font-medium text-zinc-900">{s.name}</TD>
                <TD stack="omit" className="hidden md:table-cell">
                  <code className="font-mono text-xs text-zinc-600">{s.op}</code>
                </TD>
                <TD label={t("workflows.col.status")}>
                  <RunStatusBadge status={s.status} />
                </TD>
                <TD label={t("workflows.col.attempts")} className="hidden text-[13px] text-zinc-500 tabular-nums md:table-cell">{s.attempts}</TD>
                <TD stack="omit" className="hidden text-[13px] whitespace-nowrap text-zinc-500 lg:table-cell">
                  <Time iso={s.startedAt} />
                </TD>
                <TD label={t("workflows.col.duration")} className="text-[13px] whitespace-nowrap text-zinc-500 tabular-nums">
                  {s.durationMs !== null ? (
                    format.duration(s.durationMs)
                  ) : s.until ? (
                    <span>
                      {t("workflows.run.until")} <Time iso={s.until} />
                    </span>
                  ) : (
                    "—"
                  )}
                </TD>
                <TD stack="end" className="text-right">
                  <Button variant="ghost" size="sm" aria-expanded={isOpen} aria-controls={detailsId} onClick={() => toggle(s.stepId)}>
                    {isOpen ? t("workflows.details.hide") : t("workflows.details.show")}
                  </Button>
                </TD>
              </TR>
              {isOpen && (
                <TR id={detailsId}>
                  <TD colSpan={7} className="bg-zinc-50/60">
                    {s.error && <JsonBlock title={t("workflows.run.error")} value={s.error} tone="danger" compact />}
                    {s.output && <JsonBlock title={t("workflows.run.output")} value={s.output} compact />}
                    {!s.error && !s.output && <p className="text-xs text-zinc-500">{t("workflows.details.none")}</p>}
                  </TD>
                </TR>
              )}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}

function JsonBlock({ title, value, tone, compact, collapsed }: { title: string; value: JsonPreview; tone?: "danger"; compact?: boolean; collapsed?: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const body = (
    <>
      <pre
        className={
          "max-h-96 overflow-auto rounded-lg border p-3 font-mono text-xs leading-5 whitespace-pre-wrap break-all " +
          (tone === "danger" ? "border-red-200 bg-red-50 text-red-900" : "border-zinc-200 bg-white text-zinc-800")
        }
      >
        {value.text}
      </pre>
      {value.truncated && (
        <p className="mt-1 text-xs text-zinc-500">{t("workflows.truncated", { size: format.bytes(new TextEncoder().encode(value.text).length), total: format.bytes(value.totalBytes) })}</p>
      )}
    </>
  );
  if (collapsed) {
    return (
      <details className="mb-6">
        <summary className="mb-2 cursor-pointer text-sm font-semibold text-zinc-900">{title}</summary>
        {body}
      </details>
    );
  }
  return (
    <div className={compact ? "mb-2 last:mb-0" : "mb-6"}>
      <h3 className={compact ? "mb-1 text-xs font-medium text-zinc-600" : "mb-2 text-sm font-semibold text-zinc-900"}>{title}</h3>
      {body}
    </div>
  );
}
