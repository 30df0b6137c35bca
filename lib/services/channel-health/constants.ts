// Zod-free values of channel health that the channel screens (browser) import too.

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
