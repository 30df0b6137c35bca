"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SectionTitle } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import { campaignQueries } from "../query-options";
import { FailureReason } from "./failure-reason";

const RECIPIENTS_PAGE = 25;

/** Who the campaign reached, searchable and paged by cursor, with the CSV export. */
export function RecipientLog({ orgSlug, campaignId }: { orgSlug: string; campaignId: string }) {
  const { t, serverMessage } = useI18n();
  const [search, setSearch] = useState("");
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const query = useQuery(campaignQueries.recipients(orgSlug, campaignId, { limit: RECIPIENTS_PAGE, ...(search.trim() && { search: search.trim() }), ...(cursor && { cursor }) }));
  const rows = query.data?.data ?? [];
  const csv = `/api/downloads/campaigns/${campaignId}/recipients.csv?org=${encodeURIComponent(orgSlug)}`;
  return (
    <section data-testid="recipient-log">
      <SectionTitle
        aside={
          <a href={csv} download className="text-sm font-medium text-accent-700 hover:underline">
            {t("campaigns.recipients.export")}
          </a>
        }
      >
        {t("campaigns.recipients.title")}
      </SectionTitle>
      <div className="mb-3 max-w-xs">
        <Input
          type="search"
          aria-label={t("campaigns.recipients.search")}
          placeholder={t("campaigns.recipients.search")}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setCursors([undefined]);
          }}
        />
      </div>
      {query.error && <Alert>{serverMessage(query.error)}</Alert>}
      {rows.length === 0 ? (
        <p className="rounded-xl border border-zinc-200 bg-white p-5 text-sm text-zinc-500 shadow-xs">{t("campaigns.recipients.empty")}</p>
      ) : (
        <Table label={t("campaigns.recipients.title")}>
          <THead>
            <TH>{t("campaigns.recipients.name")}</TH>
            <TH>{t("campaigns.recipients.status")}</TH>
            <TH className="hidden md:table-cell">{t("campaigns.recipients.optedIn")}</TH>
            <TH className="hidden md:table-cell">{t("campaigns.recipients.sentAt")}</TH>
            <TH>{t("campaigns.recipients.failure")}</TH>
          </THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.id} data-testid="recipient-row" data-psid={r.psid}>
                <TD stack="title">
                  {r.name ?? <span className="text-zinc-500">{t("campaigns.recipients.unknown")}</span>}
                  <div className="font-mono text-[11px] text-zinc-500">{r.psid}</div>
                </TD>
                <TD label={t("campaigns.recipients.status")}>
                  <Badge tone={r.status === "sent" ? "success" : r.status === "failed" ? "danger" : r.status === "expired" ? "warning" : "neutral"}>
                    {t(`campaigns.recipient.${r.status}`)}
                  </Badge>
                </TD>
                <TD stack="omit" className="hidden text-zinc-500 md:table-cell">
                  <Time iso={r.optedInAt} />
                </TD>
                <TD label={t("campaigns.recipients.sentAt")} className="hidden text-zinc-500 md:table-cell">{r.sentAt ? <Time iso={r.sentAt} /> : "—"}</TD>
                <TD label={t("campaigns.recipients.failure")} className="text-[13px] text-zinc-600">
                  {r.status === "failed" || r.failureReason ? <FailureReason code={r.failureCode} reason={r.failureReason} /> : r.status === "spare" ? t("campaigns.recipient.spareHint") : "—"}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <div className="mt-3 flex gap-2">
        <Button size="sm" variant="secondary" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t("campaigns.recipients.prev")}
        </Button>
        <Button size="sm" variant="secondary" disabled={!query.data?.nextCursor} onClick={() => setCursors((c) => [...c, query.data?.nextCursor ?? undefined])}>
          {t("campaigns.recipients.next")}
        </Button>
      </div>
    </section>
  );
}
