import type { Channel } from "./schemas";

// What browser components of channels import besides types; no zod here (schemas.ts re-exports it).

/**
 * The one status a channel shows, wherever it shows: disconnected first (no token: nothing else about it is
 * current), then a problem that needs someone (Meta refused the token; the last check failed), then whether it
 * is switched on. One value, so "Active" never appears beside "Reconnect needed".
 */
export const CHANNEL_BADGES = ["disconnected", "reconnect_needed", "check_failed", "disabled", "active"] as const;
export type ChannelBadge = (typeof CHANNEL_BADGES)[number];

export function channelBadge(channel: Pick<Channel, "status" | "reconnectNeeded" | "lastCheckFailure" | "disconnectedAt">): ChannelBadge {
  if (channel.disconnectedAt !== null) return "disconnected";
  if (channel.reconnectNeeded) return "reconnect_needed";
  if (channel.lastCheckFailure !== null) return "check_failed";
  return channel.status;
}

// Why a token died, in words (Graph's 190 subcodes): channel health decides, the channel screens show it.
export { RECONNECT_REASONS, reconnectReasonOf, type ReconnectReason } from "@/lib/services/channel-health/constants";

/**
 * Where a Page's audience is, in the groups Meta uses for recurring notifications and Marketing Messages
 * (platform-facts; the sandbox's Page regions): EU, UK, JP, KR and AU keep recurring notifications after
 * 2026-02-10 and are closed to Marketing Messages; the rest is the other way round.
 */
export const MESSAGING_REGIONS = ["EU", "UK", "JP", "KR", "AU", "US", "CN", "BR", "IN", "other"] as const;
export type MessagingRegion = (typeof MESSAGING_REGIONS)[number];
