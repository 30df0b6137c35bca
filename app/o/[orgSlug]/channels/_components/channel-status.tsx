"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/lib/i18n/client";
import type { Channel } from "@/lib/services/channels/schemas";

/** Active / disabled, and "reconnect needed" wherever a channel shows once Meta refused its token (190). */
export function ChannelStatusBadges({ channel }: { channel: Pick<Channel, "status" | "reconnectNeeded"> }) {
  const { t } = useI18n();
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {channel.reconnectNeeded && (
        <Badge tone="danger">
          <span data-testid="reconnect-needed">{t("channels.status.reconnect")}</span>
        </Badge>
      )}
      {channel.status === "active" ? <Badge tone="success">{t("channels.status.active")}</Badge> : <Badge>{t("channels.status.disabled")}</Badge>}
    </span>
  );
}
