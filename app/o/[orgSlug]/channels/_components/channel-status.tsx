"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { channelBadge, type ChannelBadge } from "@/lib/services/channels/constants";
import type { Channel } from "@/lib/services/channels/schemas";

const LOOK: Record<ChannelBadge, { tone: BadgeTone; label: MessageKey }> = {
  reconnect_needed: { tone: "danger", label: "channels.status.reconnect" },
  check_failed: { tone: "warning", label: "channels.status.checkFailed" },
  disabled: { tone: "neutral", label: "channels.status.disabled" },
  active: { tone: "success", label: "channels.status.active" },
};

/**
 * The channel's one status badge (channelBadge decides which), wherever a channel shows. A problem's badge
 * carries what Meta said as its tooltip.
 */
export function ChannelStatusBadge({ channel }: { channel: Pick<Channel, "status" | "reconnectNeeded" | "reconnectReason" | "lastCheckFailure"> }) {
  const { t } = useI18n();
  const badge = channelBadge(channel);
  const why = badge === "reconnect_needed" ? channel.reconnectReason : badge === "check_failed" ? channel.lastCheckFailure : null;
  return (
    <span data-testid="channel-status" data-status={badge} title={why ?? undefined}>
      <Badge tone={LOOK[badge].tone}>
        {/* The name the reconnect flow's tests and banners have always looked for. */}
        <span data-testid={badge === "reconnect_needed" ? "reconnect-needed" : undefined}>{t(LOOK[badge].label)}</span>
      </Badge>
    </span>
  );
}
