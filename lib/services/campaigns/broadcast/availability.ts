import { messagingAvailability, type Availability } from "@/lib/services/permissions";

/**
 * Whether a channel may send a campaign of this kind now, and why not: recurring notifications by the Page's
 * region (Meta discontinued them outside AU, EU, JP, KR and UK); Marketing Messages by the region, the business's
 * country and the channel's ad account. Checked when a campaign is created, when its send starts and before every
 * batch (a region changed meanwhile pauses the send with the reason).
 */
export function kindAvailability(
  channel: { messagingRegion: string | null; businessCountry: string | null; adAccountId: string | null },
  kind: "recurring" | "marketing",
  now: Date = new Date(),
): Availability {
  return messagingAvailability(channel, now)[kind];
}
