import type { Availability, ChannelAvailability } from "./constants";

/** Regions that keep recurring notifications after the discontinuation, and are closed to Marketing Messages (platform-facts). */
const PROTECTED_REGIONS = new Set(["AU", "EU", "JP", "KR", "UK"]);
/** After this, recurring notifications are discontinued outside PROTECTED_REGIONS (platform-facts). */
export const RECURRING_DISCONTINUED_AT = new Date("2026-02-10T00:00:00Z");
/** Business countries Meta serves with Marketing Messages (Meta's list, as the sandbox README quotes it); never mainland China. */
const MARKETING_COUNTRIES = new Set(["AU", "BR", "CL", "CO", "HK", "IN", "ID", "IL", "MY", "MX", "NZ", "PE", "PH", "SA", "SG", "TW", "TH", "AE", "US", "VN"]);

/** What availability reads of a channel (a channel row and the API's channel both fit). */
export interface AvailabilityChannel {
  messagingRegion: string | null;
  businessCountry: string | null;
  /** The Meta ad account paying for Marketing Messages (digits); missing or null: none configured. */
  adAccountId?: string | null;
}

/**
 * Whether a channel may offer recurring notifications and Marketing Messages, and why not. Decided by the
 * channel's region (where its audience is) and business country as the operator set them; Marketing Messages
 * also need the channel's ad account (campaigns are created and paid on it).
 */
export function messagingAvailability(channel: AvailabilityChannel, now: Date = new Date()): ChannelAvailability {
  return { recurring: recurring(channel, now), marketing: marketing(channel) };
}

function recurring(channel: { messagingRegion: string | null }, now: Date): Availability {
  if (now < RECURRING_DISCONTINUED_AT) return { available: true };
  if (!channel.messagingRegion) return { available: false, reason: "permissions.reason.regionNotSet" };
  if (!PROTECTED_REGIONS.has(channel.messagingRegion)) return { available: false, reason: "permissions.reason.recurringRegion" };
  return { available: true };
}

function marketing(channel: AvailabilityChannel): Availability {
  if (!channel.messagingRegion) return { available: false, reason: "permissions.reason.regionNotSet" };
  if (PROTECTED_REGIONS.has(channel.messagingRegion)) return { available: false, reason: "permissions.reason.marketingRegion" };
  if (!channel.businessCountry) return { available: false, reason: "permissions.reason.businessCountryNotSet" };
  if (channel.businessCountry === "CN") return { available: false, reason: "permissions.reason.marketingChina" };
  if (!MARKETING_COUNTRIES.has(channel.businessCountry)) return { available: false, reason: "permissions.reason.marketingCountry" };
  if (!channel.adAccountId) return { available: false, reason: "permissions.reason.noAdAccount" };
  return { available: true };
}
