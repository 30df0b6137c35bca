"use client";

import { Badge } from "@/components/ui/badge";
import { Card, Stat } from "@/components/ui/card";
import { CheckIcon } from "@/components/ui/icons";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ChannelHealth } from "@/lib/services/channels";
import type { Channel } from "@/lib/services/channels/schemas";
import { HealthChart } from "./health-chart";

/** Is the channel receiving? Last event, events and errors in the last hour, the 24-hour chart, subscribed fields, recent errors. */
export function HealthPanel({ channel, health, readAt, requiredFields }: { channel: Channel; health: ChannelHealth; readAt: number; requiredFields: string[] }) {
  const { t } = useI18n();
  return (
    <Card title={t("channels.health.title")} testId="health-panel">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <Stat label={t("channels.health.lastEvent")} valueTestId="last-event">
          {health.lastEventAt ? <Time iso={health.lastEventAt} /> : <span className="font-normal text-zinc-500">{t("channels.health.noEvents")}</span>}
        </Stat>
        <Stat label={t("channels.health.eventsLastHour")} valueTestId="events-last-hour">
          {health.eventsLastHour}
        </Stat>
        <Stat label={t("channels.health.errorsLastHour")} valueTestId="errors-last-hour">
          {health.errorsLastHour}
        </Stat>
      </div>
      <div className="mt-4">
        <HealthChart hourly={health.hourly} now={readAt} />
      </div>
      <div className="mt-4">
        <h3 className="mb-2 text-xs font-medium text-zinc-500">{t("channels.health.subscribedFields")}</h3>
        {channel.subscribedFields.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("channels.health.noFields")}</p>
        ) : (
          <ul className="flex flex-wrap gap-1.5" data-testid="subscribed-fields">
            {requiredFields.map((f) => {
              const on = channel.subscribedFields.includes(f);
              return (
                <li key={f}>
                  <Badge tone={on ? "success" : "warning"}>
                    {on && <CheckIcon className="mr-1 size-3" />}
                    <span className="font-mono">{f}</span>
                    {!on && <span className="ml-1">({t("channels.health.missingField")})</span>}
                  </Badge>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="mt-5">
        <h3 className="mb-2 text-xs font-medium text-zinc-500">{t("channels.health.recentErrors")}</h3>
        {health.recentErrors.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("channels.health.noErrors")}</p>
        ) : (
          <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200" data-testid="recent-errors">
            {health.recentErrors.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <span className="w-36 shrink-0 text-xs text-zinc-500">
                  <Time iso={e.at} />
                </span>
                <Badge tone={e.kind === "connection" || e.kind === "send_api" ? "warning" : "danger"}>{t(`channels.error.${e.kind}` as MessageKey)}</Badge>
                <span className="min-w-0 flex-1 break-words text-zinc-700">
                  {e.reason}
                  {e.graphCode !== null && <span className="ml-1 text-xs text-zinc-500">({e.graphCode})</span>}
                </span>
                {e.count > 1 && (
                  <span className="shrink-0 text-xs font-medium text-zinc-600" data-testid="error-count">
                    {t("channels.health.errorCount", { count: e.count })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
