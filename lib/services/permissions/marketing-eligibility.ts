import { messagingAvailability, type AvailabilityChannel } from "./availability";
import type { AvailabilityReason } from "./constants";

/**
 * Whether a Marketing Messages campaign may start on this channel (or its subscribers be imported), and why
 * not: the channel's audience region, business country (never mainland China) and ad account. Meta still has
 * the last word (app permissions, the ad account's payment method); this is what the product can know first.
 */
export function marketingEligibility(channel: AvailabilityChannel): { eligible: true } | { eligible: false; reason: AvailabilityReason } {
  const marketing = messagingAvailability(channel).marketing;
  return marketing.available ? { eligible: true } : { eligible: false, reason: marketing.reason };
}
