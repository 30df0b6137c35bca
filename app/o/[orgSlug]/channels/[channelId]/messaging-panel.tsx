"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";
import { MESSAGING_REGIONS } from "@/lib/services/channels/constants";
import { Time } from "@/components/ui/time";
import type { ChannelAvailability, ChannelPermissionSummary, LastTokenImport, PermissionKind } from "@/lib/services/permissions/constants";
import type { ActionError } from "@/lib/tenancy/action";
import { importSubscribersAction, saveMessagingRegionAction } from "./messaging-actions";

/**
 * What the channel may send outside the 24-hour window: its region, business country and ad account (which
 * decide whether recurring notifications and Marketing Messages are offered, with the reason when not), how many
 * permissions its people hold of each kind and status, and the import of Marketing Messages subscribers from Meta.
 */
export function MessagingPanel({
  orgSlug,
  channelId,
  initial,
  summary,
  canManage,
  lastImport: initialImport,
  canImport,
}: {
  orgSlug: string;
  channelId: string;
  initial: { messagingRegion: string | null; businessCountry: string | null; adAccountId: string | null; availability: ChannelAvailability };
  summary: ChannelPermissionSummary;
  canManage: boolean;
  lastImport: LastTokenImport | null;
  canImport: boolean;
}) {
  const { t, serverMessage } = useI18n();
  const [state, setState] = useState(initial);
  const [region, setRegion] = useState(initial.messagingRegion ?? "");
  const [country, setCountry] = useState(initial.businessCountry ?? "");
  const [adAccount, setAdAccount] = useState(initial.adAccountId ? `act_${initial.adAccountId}` : "");
  const [lastImport, setLastImport] = useState(initialImport);
  const [importError, setImportError] = useState<ActionError | null>(null);
  const [importAsked, setImportAsked] = useState(false);
  const [importing, startImport] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await saveMessagingRegionAction(orgSlug, channelId, { messagingRegion: region === "" ? null : region, businessCountry: country, adAccountId: adAccount });
      if (result.ok) {
        setState(result.data);
        setCountry(result.data.businessCountry ?? "");
        setAdAccount(result.data.adAccountId ? `act_${result.data.adAccountId}` : "");
        setError(null);
        setSaved(true);
      } else setError(result.error);
    });
  const importSubscribers = () =>
    startImport(async () => {
      const result = await importSubscribersAction(orgSlug, channelId);
      if (result.ok) {
        setLastImport(result.data);
        setImportError(null);
        setImportAsked(true);
      } else setImportError(result.error);
    });
  const marketing = state.availability.marketing;
  return (
    <Card title={t("permissions.channel.title")} testId="messaging-panel">
      <div className="space-y-4 text-sm">
        <p className="text-zinc-600">{t("permissions.channel.description")}</p>
        {canManage ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1">
              <label htmlFor="messaging-region" className="block text-zinc-700">
                {t("permissions.channel.region")}
              </label>
              <Select
                id="messaging-region"
                value={region}
                onChange={(e) => {
                  setSaved(false);
                  setRegion(e.target.value);
                }}
              >
                <option value="">{t("permissions.channel.notSet")}</option>
                {MESSAGING_REGIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`permissions.region.${r}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="space-y-1">
              <label htmlFor="business-country" className="block text-zinc-700">
                {t("permissions.channel.businessCountry")}
              </label>
              <Input
                id="business-country"
                value={country}
                maxLength={2}
                placeholder="US"
                onChange={(e) => {
                  setSaved(false);
                  setCountry(e.target.value);
                }}
              />
            </div>
            <p className="text-xs text-zinc-500 sm:col-span-2">{t("permissions.channel.hint")}</p>
            <div className="space-y-1 sm:col-span-2">
              <label htmlFor="ad-account" className="block text-zinc-700">
                {t("permissions.channel.adAccount")}
              </label>
              <Input
                id="ad-account"
                value={adAccount}
                maxLength={40}
                placeholder="act_1234567890"
                onChange={(e) => {
                  setSaved(false);
                  setAdAccount(e.target.value);
                }}
              />
              <p className="text-xs text-zinc-500">{t("permissions.channel.adAccountHint")}</p>
            </div>
          </div>
        ) : (
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            <dt className="text-zinc-500">{t("permissions.channel.region")}</dt>
            <dd className="text-zinc-900">{state.messagingRegion ? t(`permissions.region.${state.messagingRegion as (typeof MESSAGING_REGIONS)[number]}`) : t("permissions.channel.notSet")}</dd>
            <dt className="text-zinc-500">{t("permissions.channel.businessCountry")}</dt>
            <dd className="text-zinc-900">{state.businessCountry ?? t("permissions.channel.notSet")}</dd>
            <dt className="text-zinc-500">{t("permissions.channel.adAccount")}</dt>
            <dd className="text-zinc-900">{state.adAccountId ? `act_${state.adAccountId}` : t("permissions.channel.notSet")}</dd>
          </dl>
        )}
        {error && <Alert>{serverMessage(error)}</Alert>}
        {saved && <Alert tone="success">{t("permissions.channel.saved")}</Alert>}
        {canManage && (
          <Button onClick={save} disabled={pending} data-testid="messaging-save">
            {t("permissions.channel.save")}
          </Button>
        )}
        <ul className="space-y-2" data-testid="messaging-availability">
          <li className="flex flex-wrap items-center justify-between gap-2" data-kind="otn" data-available="true">
            <span className="font-medium text-zinc-900">{t("permissions.kind.otn")}</span>
            <span className="flex items-center gap-2 text-xs text-zinc-500">
              <Counts summary={summary} kind="otn" />
              <Badge tone="accent">{t("permissions.channel.offered")}</Badge>
            </span>
          </li>
          {(["recurring", "marketing"] as const).map((kind) => {
            const availability = state.availability[kind];
            return (
              <li key={kind} className="space-y-0.5" data-kind={kind} data-available={availability.available}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium text-zinc-900">{t(`permissions.kind.${kind}`)}</span>
                  <span className="flex items-center gap-2 text-xs text-zinc-500">
                    <Counts summary={summary} kind={kind} />
                    <Badge tone={availability.available ? "accent" : "warning"}>{t(availability.available ? "permissions.channel.offered" : "permissions.channel.notOffered")}</Badge>
                  </span>
                </div>
                {!availability.available && <p className="text-xs text-zinc-500">{t(availability.reason)}</p>}
              </li>
            );
          })}
        </ul>
        <div className="space-y-2 border-t border-zinc-100 pt-3" data-testid="token-import">
          <ImportStatus lastImport={lastImport} />
          {importAsked && <Alert tone="success">{t("permissions.import.requested")}</Alert>}
          {importError && <Alert>{serverMessage(importError)}</Alert>}
          {canImport && (
            <Button variant="secondary" onClick={importSubscribers} loading={importing} disabled={!marketing.available} data-testid="token-import-button">
              {t("permissions.import.button")}
            </Button>
          )}
        </div>
      </div>
    </Card>
  );
}

function Counts({ summary, kind }: { summary: ChannelPermissionSummary; kind: PermissionKind }) {
  const { t } = useI18n();
  const c = summary[kind];
  return <span data-testid={`permission-counts-${kind}`}>{kind === "otn" ? t("permissions.channel.active", { count: c.active }) : t("permissions.channel.counts", { active: c.active, stopped: c.stopped, expired: c.expired })}</span>;
}

/** The latest import from Meta as the audit log recorded it. */
function ImportStatus({ lastImport }: { lastImport: LastTokenImport | null }) {
  const { t } = useI18n();
  if (!lastImport) return <p className="text-xs text-zinc-500">{t("permissions.import.never")}</p>;
  const at = <Time iso={lastImport.at} />;
  const text =
    lastImport.state === "running"
      ? t("permissions.import.running", { at: "\u0000" })
      : lastImport.state === "completed"
        ? t("permissions.import.completed", { at: "\u0000", seen: lastImport.seen, imported: lastImport.imported, alreadyKnown: lastImport.alreadyKnown })
        : lastImport.state === "refused"
          ? t("permissions.import.refused", { at: "\u0000", reason: lastImport.reason ? t(lastImport.reason) : "" })
          : t("permissions.import.failed", { at: "\u0000", error: lastImport.error ?? t("permissions.import.failedUnknown") });
  // The time is a <Time> element (the reader's time zone and language), put where the sentence has it.
  const [before, after] = text.split("\u0000");
  return (
    <p className="text-xs text-zinc-600" data-testid="token-import-status" data-state={lastImport.state}>
      {before}
      {at}
      {after}
    </p>
  );
}
