"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { CampaignsIcon, PlusIcon } from "@/components/ui/icons";
import { ChannelFilter, FilterSelect } from "@/components/ui/filter-select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type CampaignKind, type CampaignStatus } from "@/lib/services/campaigns/constants";
import type { CampaignListItem } from "@/lib/services/campaigns/schemas";
import type { Page } from "@/lib/pagination";
import { useI18n } from "@/lib/i18n/client";
import { CampaignActions } from "./_components/campaign-actions";
import type { ChannelOption } from "./_components/campaign-form";
import { CampaignAudience, CampaignKindBadge, CampaignSchedule } from "./_components/campaign-kind";
import { CampaignStatusBadge } from "./_components/campaign-status";
import { campaignQueries } from "./query-options";

const PAGE_SIZE = 50;

/**
 * The campaigns of every kind (One-Time Notification, recurring topic, Marketing Messages) with channel, status
 * and kind filters; the kind is in the address (?kind=recurring), so the Topics page and the reports can link to
 * it. Counts and statuses refresh every 2 s without a reload.
 */
export function CampaignsList({
  orgSlug,
  channels,
  initial,
  kind,
  canManage,
}: {
  orgSlug: string;
  channels: ChannelOption[];
  /** The first page for `kind` (the server read it with the same filter). */
  initial: Page<CampaignListItem>;
  kind: CampaignKind | "";
  canManage: boolean;
}) {
  const { t, serverMessage } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [, startFiltering] = useTransition();
  const setKind = (value: CampaignKind | "") => startFiltering(() => router.replace(value ? `${pathname ?? ""}?kind=${value}` : (pathname ?? "."), { scroll: false }));
  const [channelId, setChannelId] = useState("");
  const [status, setStatus] = useState<CampaignStatus | "">("");
  const [limit, setLimit] = useState(PAGE_SIZE);
  const filtered = Boolean(channelId || status || kind);
  const query = useQuery({
    ...campaignQueries.list(orgSlug, { limit, ...(channelId && { channelId }), ...(status && { status }), ...(kind && { kind }) }),
    initialData: !channelId && !status && limit === PAGE_SIZE ? initial : undefined,
  });
  const channelName = Object.fromEntries(channels.map((c) => [c.id, c.name]));
  const campaigns = query.data?.data ?? [];
  const create =
    canManage && channels.length > 0 ? (
      <ButtonLink href={`/o/${orgSlug}/campaigns/new`}>
        <PlusIcon className="size-4" />
        {t("campaigns.new")}
      </ButtonLink>
    ) : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <ChannelFilter label={t("campaigns.filter.channel")} allLabel={t("campaigns.filter.all")} channels={channels} value={channelId} onChange={setChannelId} />
          <FilterSelect
            label={t("campaigns.filter.status")}
            allLabel={t("campaigns.filter.all")}
            value={status}
            onChange={setStatus}
            options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))}
          />
          <FilterSelect
            label={t("campaigns.filter.kind")}
            allLabel={t("campaigns.filter.all")}
            value={kind}
            onChange={setKind}
            options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaigns.kind.${k}`) }))}
          />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ButtonLink variant="secondary" href={`/o/${orgSlug}/campaigns/topics`} data-testid="topics-link">
            {t("campaigns.topics.link")}
          </ButtonLink>
          {create}
        </div>
      </div>
      {query.error && <Alert>{serverMessage(query.error)}</Alert>}
      {channels.length === 0 && <Alert tone="warning">{t("campaigns.empty.noChannels")}</Alert>}
      {campaigns.length === 0 && !query.isFetching ? (
        <EmptyState icon={<CampaignsIcon className="size-5" />} title={t("campaigns.empty.title")} body={t("campaigns.empty.body")} action={filtered ? null : create} />
      ) : (
        <Table label={t("nav.campaigns")} wide>
          <THead>
            <TH>{t("campaigns.col.name")}</TH>
            <TH className="hidden sm:table-cell">{t("campaigns.col.kind")}</TH>
            <TH className="hidden md:table-cell">{t("campaigns.col.channel")}</TH>
            <TH className="hidden lg:table-cell">{t("campaigns.col.audience")}</TH>
            <TH className="hidden sm:table-cell">{t("campaigns.col.status")}</TH>
            <TH className="hidden lg:table-cell">{t("campaigns.col.scheduled")}</TH>
            <TH className="hidden text-right sm:table-cell">{t("campaigns.col.clicks")}</TH>
            <TH className="hidden text-right sm:table-cell">{t("campaigns.col.subscribers")}</TH>
            <TH className="hidden text-right sm:table-cell">{t("campaigns.col.sent")}</TH>
            <TH className="hidden text-right sm:table-cell">{t("campaigns.col.failed")}</TH>
            <TH className="hidden text-right sm:table-cell">{t("campaigns.col.held")}</TH>
            <TH className="text-right">{t("campaigns.col.actions")}</TH>
          </THead>
          <TBody>
            {campaigns.map((c) => (
              <TR key={c.id} data-testid="campaign-row" data-campaign-id={c.id} data-kind={c.kind}>
                <TD stack="title">
                  <Link href={`/o/${orgSlug}/campaigns/${c.id}`} className="font-medium text-zinc-900 hover:text-accent-700">
                    {c.name}
                  </Link>
                </TD>
                <TD label={t("campaigns.col.kind")} className="hidden sm:table-cell">
                  <CampaignKindBadge kind={c.kind} />
                </TD>
                <TD stack="omit" className="hidden md:table-cell">{channelName[c.channelId] ?? "—"}</TD>
                <TD label={t("campaigns.col.audience")} className="hidden text-zinc-600 lg:table-cell">
                  <CampaignAudience campaign={c} />
                </TD>
                <TD label={t("campaigns.col.status")} className="hidden sm:table-cell">
                  <CampaignStatusBadge status={c.status} />
                </TD>
                <TD stack="omit" className="hidden text-zinc-500 lg:table-cell">
                  <CampaignSchedule campaign={c} />
                </TD>
                {/* Link clicks and subscribers belong to an OTN campaign's share link; the other kinds have none. */}
                <TD stack="omit" className="hidden text-right tabular-nums sm:table-cell" data-testid="count-clicks">
                  {c.kind === "otn" ? c.counts.linkClicks : "—"}
                </TD>
                <TD label={t("campaigns.col.subscribers")} className="hidden text-right tabular-nums sm:table-cell" data-testid="count-subscribers">
                  {c.kind === "otn" ? c.counts.subscribers : "—"}
                </TD>
                <TD label={t("campaigns.col.sent")} className="hidden text-right tabular-nums sm:table-cell" data-testid="count-sent">
                  {c.counts.sent}
                </TD>
                <TD label={t("campaigns.col.failed")} className="hidden text-right tabular-nums sm:table-cell" data-testid="count-failed">
                  {c.counts.failed}
                </TD>
                <TD label={t("campaigns.col.held")} className="hidden text-right tabular-nums sm:table-cell" data-testid="count-held">
                  {c.kind === "otn" ? "—" : c.counts.held}
                </TD>
                <TD stack="end" className="text-right">
                  <CampaignActions orgSlug={orgSlug} campaign={c} canManage={canManage} compact onChanged={() => void query.refetch()} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {query.data?.nextCursor && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => setLimit((l) => Math.min(l + PAGE_SIZE, 100))} disabled={limit >= 100}>
            {t("campaigns.loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
