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

/**
 * Graph's error_subcode with a 190 (token refused), as the reason shown to people: 458 the app was removed
 * from the person's account, 460 their password changed or Meta ended the session, 463 the token expired,
 * 467 it is invalid (logged out); anything else in general words, with Meta's own message beside it.
 */
export const RECONNECT_REASONS = ["app_removed", "password_changed", "expired", "invalid", "other"] as const;
export type ReconnectReason = (typeof RECONNECT_REASONS)[number];

export function reconnectReasonOf(subcode: number | null | undefined): ReconnectReason {
  switch (subcode) {
    case 458:
      return "app_removed";
    case 460:
      return "password_changed";
    case 463:
      return "expired";
    case 467:
      return "invalid";
    default:
      return "other";
  }
}
