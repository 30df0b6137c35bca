"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { channelBadge, reconnectReasonOf, type ChannelBadge } from "@/lib/services/channels/constants";
import type { Channel } from "@/lib/services/channels/schemas";

const LOOK: Record<ChannelBadge, { tone: BadgeTone; label: MessageKey }> = {
  disconnected: { tone: "neutral", label: "channels.status.disconnected" },
  reconnect_needed: { tone: "danger", label: "channels.status.reconnect" },
  check_failed: { tone: "warning", label: "channels.status.checkFailed" },
  disabled: { tone: "neutral", label: "channels.status.disabled" },
  active: { tone: "success", label: "channels.status.active" },
};

/**
 * The channel's one status badge (channelBadge decides which), wherever a channel shows. A problem's badge
 * carries what Meta said as its tooltip.
 */
export function ChannelStatusBadge({
  channel,
}: {
  channel: Pick<Channel, "status" | "reconnectNeeded" | "reconnectReason" | "reconnectSubcode" | "lastCheckFailure" | "disconnectedAt">;
}) {
  const { t } = useI18n();
  const badge = channelBadge(channel);
  const why = badge === "reconnect_needed" ? reconnectReasonInWords(t, channel) : badge === "check_failed" ? channel.lastCheckFailure : null;
  return (
    <span data-testid="channel-status" data-status={badge} title={why ?? undefined}>
      <Badge tone={LOOK[badge].tone}>
        {/* The name the reconnect flow's tests and banners have always looked for. */}
        <span data-testid={badge === "reconnect_needed" ? "reconnect-needed" : undefined}>{t(LOOK[badge].label)}</span>
      </Badge>
    </span>
  );
}

/**
 * Why Meta refused the token, in words chosen by Graph's subcode (458 app removed, 460 password changed,
 * 463 expired, 467 invalid), with Meta's own message after it.
 */
export function reconnectReasonInWords(t: Translate, channel: Pick<Channel, "reconnectReason" | "reconnectSubcode">): string {
  const reason = t(`channels.reconnectReason.${reconnectReasonOf(channel.reconnectSubcode)}`);
  return channel.reconnectReason ? t("channels.reconnectReason.withMeta", { reason, message: channel.reconnectReason }) : reason;
}
