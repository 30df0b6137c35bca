import type { Availability, ChannelAvailability } from "./constants";

/** Regions that keep recurring notifications after the discontinuation, and are closed to Marketing Messages (platform-facts). */
const PROTECTED_REGIONS = new Set(["AU", "EU", "JP", "KR", "UK"]);
/** After this, recurring notifications are discontinued outside PROTECTED_REGIONS (platform-facts). */
export const RECURRING_DISCONTINUED_AT = new Date("2026-02-10T00:00:00Z");
/** Business countries Meta serves with Marketing Messages (Meta's list, as the sandbox README quotes it); never mainland China. */
const MARKETING_COUNTRIES = new Set(["AU", "BR", "CL", "CO", "HK", "IN", "ID", "IL", "MY", "MX", "NZ", "PE", "PH", "SA", "SG", "TW", "TH", "AE", "US", "VN"]);

/**
 * Whether a channel may offer recurring notifications and Marketing Messages, and why not. Decided by the
 * channel's region (where its audience is) and business country as the operator set them; Marketing Messages
 * also need the operator's ad account, which the product cannot configure yet (so they are never offered today).
 */
export function messagingAvailability(
  channel: { messagingRegion: string | null; businessCountry: string | null },
  now: Date = new Date(),
  operator: { adAccountConfigured: boolean } = { adAccountConfigured: false },
): ChannelAvailability {
  return { recurring: recurring(channel, now), marketing: marketing(channel, operator) };
}

function recurring(channel: { messagingRegion: string | null }, now: Date): Availability {
  if (now < RECURRING_DISCONTINUED_AT) return { available: true };
  if (!channel.messagingRegion) return { available: false, reason: "permissions.reason.regionNotSet" };
  if (!PROTECTED_REGIONS.has(channel.messagingRegion)) return { available: false, reason: "permissions.reason.recurringRegion" };
  return { available: true };
}

function marketing(channel: { messagingRegion: string | null; businessCountry: string | null }, operator: { adAccountConfigured: boolean }): Availability {
  if (!channel.messagingRegion) return { available: false, reason: "permissions.reason.regionNotSet" };
  if (PROTECTED_REGIONS.has(channel.messagingRegion)) return { available: false, reason: "permissions.reason.marketingRegion" };
  if (!channel.businessCountry) return { available: false, reason: "permissions.reason.businessCountryNotSet" };
  if (channel.businessCountry === "CN") return { available: false, reason: "permissions.reason.marketingChina" };
  if (!MARKETING_COUNTRIES.has(channel.businessCountry)) return { available: false, reason: "permissions.reason.marketingCountry" };
  if (!operator.adAccountConfigured) return { available: false, reason: "permissions.reason.noAdAccount" };
  return { available: true };
}
