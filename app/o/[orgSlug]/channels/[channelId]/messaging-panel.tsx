"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";
import { MESSAGING_REGIONS } from "@/lib/services/channels/constants";
import type { ChannelAvailability, ChannelPermissionSummary } from "@/lib/services/permissions/constants";
import type { ActionError } from "@/lib/tenancy/action";
import { saveMessagingRegionAction } from "./messaging-actions";

/**
 * What the channel may send outside the 24-hour window: its region and business country (which decide whether
 * recurring notifications and Marketing Messages are offered, with the reason when not) and how many
 * permissions its people hold of each kind.
 */
export function MessagingPanel({
  orgSlug,
  channelId,
  initial,
  summary,
  canManage,
}: {
  orgSlug: string;
  channelId: string;
  initial: { messagingRegion: string | null; businessCountry: string | null; availability: ChannelAvailability };
  summary: ChannelPermissionSummary;
  canManage: boolean;
}) {
  const { t, serverMessage } = useI18n();
  const [state, setState] = useState(initial);
  const [region, setRegion] = useState(initial.messagingRegion ?? "");
  const [country, setCountry] = useState(initial.businessCountry ?? "");
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await saveMessagingRegionAction(orgSlug, channelId, { messagingRegion: region === "" ? null : region, businessCountry: country });
      if (result.ok) {
        setState(result.data);
        setCountry(result.data.businessCountry ?? "");
        setError(null);
        setSaved(true);
      } else setError(result.error);
    });
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
          </div>
        ) : (
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
            <dt className="text-zinc-500">{t("permissions.channel.region")}</dt>
            <dd className="text-zinc-900">{state.messagingRegion ? t(`permissions.region.${state.messagingRegion as (typeof MESSAGING_REGIONS)[number]}`) : t("permissions.channel.notSet")}</dd>
            <dt className="text-zinc-500">{t("permissions.channel.businessCountry")}</dt>
            <dd className="text-zinc-900">{state.businessCountry ?? t("permissions.channel.notSet")}</dd>
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
              {t("permissions.channel.active", { count: summary.otn.active })}
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
                    {t("permissions.channel.active", { count: summary[kind].active })}
                    <Badge tone={availability.available ? "accent" : "warning"}>{t(availability.available ? "permissions.channel.offered" : "permissions.channel.notOffered")}</Badge>
                  </span>
                </div>
                {!availability.available && <p className="text-xs text-zinc-500">{t(availability.reason)}</p>}
              </li>
            );
          })}
        </ul>
      </div>
    </Card>
  );
}
