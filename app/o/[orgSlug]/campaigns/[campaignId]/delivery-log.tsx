"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { SectionTitle } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { DELIVERY_REASONS, DELIVERY_STATUSES, type DeliveryReason, type DeliveryStatus } from "@/lib/services/campaigns/constants";
import { useFormat, useI18n } from "@/lib/i18n/client";
import type { DeliveryRow } from "../broadcast-adapter";
import { campaignQueries } from "../query-options";
import { FailureReason } from "./failure-reason";

const PAGE = 25;
const tones: Record<DeliveryStatus, BadgeTone> = { pending: "neutral", sending: "accent", sent: "success", failed: "danger", held: "warning", skipped: "neutral" };
const HELD_WORDS = ["cadence", "gap", "recently_messaged", "local_time"] as const;

/**
 * A recurring or marketing campaign's deliveries, paged by cursor, filtered by status: who, when each is due (in
 * the recipient's time zone and the viewer's), and why a delivery is held, skipped or failed, in words.
 */
export function DeliveryLog({ orgSlug, campaignId }: { orgSlug: string; campaignId: string }) {
  const { t, serverMessage } = useI18n();
  const [status, setStatus] = useState<DeliveryStatus | "">("");
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const query = useQuery(campaignQueries.deliveries(orgSlug, campaignId, { limit: PAGE, ...(status && { status }), ...(cursor && { cursor }) }));
  const rows = query.data?.data ?? [];
  return (
    <section data-testid="delivery-log">
      <SectionTitle>{t("campaigns.deliveries.title")}</SectionTitle>
      <div className="mb-3">
        <FilterSelect
          label={t("campaigns.deliveries.status")}
          allLabel={t("campaigns.deliveries.all")}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setCursors([undefined]);
          }}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`campaigns.delivery.${s}`) }))}
        />
      </div>
      {query.error && <Alert>{serverMessage(query.error)}</Alert>}
      {rows.length === 0 ? (
        <p className="rounded-xl border border-zinc-200 bg-white p-5 text-sm text-zinc-500 shadow-xs">{t("campaigns.deliveries.empty")}</p>
      ) : (
        <Table label={t("campaigns.deliveries.title")}>
          <THead>
            <TH>{t("campaigns.deliveries.name")}</TH>
            <TH>{t("campaigns.deliveries.status")}</TH>
            <TH className="hidden md:table-cell">{t("campaigns.deliveries.due")}</TH>
            <TH className="hidden md:table-cell">{t("campaigns.deliveries.sentAt")}</TH>
            <TH>{t("campaigns.deliveries.reason")}</TH>
          </THead>
          <TBody>
            {rows.map((d) => (
              <TR key={d.id} data-testid="delivery-row" data-psid={d.psid} data-status={d.status}>
                <TD stack="title">
                  {d.name ?? <span className="text-zinc-500">{t("campaigns.recipients.unknown")}</span>}
                  <div className="font-mono text-[11px] text-zinc-500">{d.psid}</div>
                </TD>
                <TD label={t("campaigns.deliveries.status")}>
                  <Badge tone={tones[d.status]}>{t(`campaigns.delivery.${d.status}`)}</Badge>
                </TD>
                <TD label={t("campaigns.deliveries.due")} className="hidden text-[13px] text-zinc-600 md:table-cell">
                  <DueTime row={d} />
                </TD>
                <TD label={t("campaigns.deliveries.sentAt")} className="hidden text-zinc-500 md:table-cell">
                  {d.sentAt ? <Time iso={d.sentAt} /> : "—"}
                </TD>
                <TD label={t("campaigns.deliveries.reason")} className="text-[13px] text-zinc-600" data-testid="delivery-reason">
                  <DeliveryReasonText row={d} />
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

/** The due time in the recipient's own zone (when their opt-in gave it) and in the viewer's. */
function DueTime({ row }: { row: DeliveryRow }) {
  const { t } = useI18n();
  const format = useFormat();
  let theirs: string | null = null;
  if (row.timeZone) {
    try {
      theirs = format.dateTime(row.dueAt, { timeZone: row.timeZone });
    } catch {
      // A zone Intl does not know: shown by name only.
      theirs = null;
    }
  }
  return (
    <span suppressHydrationWarning data-testid="delivery-due">
      <span className="block" data-testid="delivery-due-theirs">
        {row.timeZone && theirs ? t("campaigns.deliveries.theirTime", { time: theirs, zone: row.timeZone }) : t("campaigns.deliveries.zoneUnknown")}
      </span>
      <span className="block text-zinc-500" data-testid="delivery-due-yours">
        {t("campaigns.deliveries.yourTime", { time: format.dateTime(row.dueAt) })}
      </span>
    </span>
  );
}

/** Why a delivery waits, was skipped or failed, in words (Meta's code beside an error Meta gave). */
function DeliveryReasonText({ row }: { row: DeliveryRow }) {
  const { t } = useI18n();
  if (row.status === "held") {
    const reason = (HELD_WORDS as readonly string[]).includes(row.heldReason ?? "") ? (row.heldReason as (typeof HELD_WORDS)[number]) : "other";
    return <span data-held-reason={row.heldReason ?? ""}>{t(`campaigns.held.${reason}`)}</span>;
  }
  if (row.failureReason && (DELIVERY_REASONS as readonly string[]).includes(row.failureReason)) {
    return <span data-reason={row.failureReason}>{t(`campaigns.deliveryReason.${row.failureReason as DeliveryReason}`)}</span>;
  }
  if (row.status === "failed" || row.failureReason) return <FailureReason code={row.failureCode} reason={row.failureReason} />;
  return <>—</>;
}
