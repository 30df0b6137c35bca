"use client";

import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import type { Channel } from "@/lib/services/channels/schemas";

/** The channel's settings as saved: Page, app, skill group, Graph version, the secrets' last characters, last check. */
export function DetailsPanel({ channel, skillGroupName }: { channel: Channel; skillGroupName: string | null }) {
  const { t } = useI18n();
  return (
    <Card title={t("channels.details.title")}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-zinc-500">{t("channels.details.page")}</dt>
        <dd className="text-zinc-900">{channel.pageName ?? "—"}</dd>
        <dt className="text-zinc-500">{t("channels.form.appId")}</dt>
        <dd className="font-mono text-xs text-zinc-900">{channel.appId}</dd>
        <dt className="text-zinc-500">{t("channels.form.skillGroup")}</dt>
        <dd className="text-zinc-900">{skillGroupName ?? t("channels.noSkillGroup")}</dd>
        <dt className="text-zinc-500">{t("channels.form.graphApiVersion")}</dt>
        <dd className="font-mono text-xs text-zinc-900">{channel.graphApiVersion}</dd>
        {channel.pageAccessTokenHint !== null && (
          <>
            <dt className="text-zinc-500">{t("channels.details.tokenHint")}</dt>
            <dd className="font-mono text-xs text-zinc-900">{channel.pageAccessTokenHint}</dd>
          </>
        )}
        {channel.appSecretHint !== null && (
          <>
            <dt className="text-zinc-500">{t("channels.details.secretHint")}</dt>
            <dd className="font-mono text-xs text-zinc-900">{channel.appSecretHint}</dd>
          </>
        )}
        <dt className="text-zinc-500">{t("channels.col.lastCheck")}</dt>
        <dd className="text-zinc-900">{channel.lastCheckedAt ? <Time iso={channel.lastCheckedAt} /> : t("channels.neverChecked")}</dd>
      </dl>
    </Card>
  );
}
