/** The contact panel's limits and shapes, browser-safe (no zod). */
import type { ContactPermission } from "@/lib/services/permissions/constants";

export const ATTRIBUTE_KEY_MAX = 40;
export const ATTRIBUTE_VALUE_MAX = 500;
export const ATTRIBUTES_MAX = 50;
/** Meta's One-Time Notification tokens are valid for a year from the opt-in. */
export const OTN_TOKEN_LIFETIME_MS = 365 * 86_400_000;

export type OtnTokenState = "unused" | "used" | "expired";

export interface ContactPanel {
  contact: {
    id: string;
    name: string | null;
    psid: string;
    profilePic: string | null;
    locale: string | null;
    /** Hours from UTC, as Meta gives it ("8", "-5.5"); null when unknown. */
    timezoneOffset: string | null;
    /** When the person was first seen (the contact was stored). */
    firstSeenAt: string;
    /** Their last message; null when they never wrote (an opt-in only). */
    lastSeenAt: string | null;
    attributes: Record<string, string>;
  };
  /** The conversation's labels, read-only here. */
  labels: { id: string; name: string; color: string }[];
  /** The person's "Notify Me" subscriptions (One-Time Notification tokens), newest first. */
  subscriptions: { id: string; campaignId: string; campaignName: string; state: OtnTokenState; optedInAt: string; usedAt: string | null }[];
  /** Every permission to message the person (OTN, recurring topics, Marketing Messages), newest opt-in first. */
  permissions: ContactPermission[];
  /** Earlier cycles of the conversation (opened … resolved), newest first. */
  pastCycles: { openedAt: string; resolvedAt: string; resolvedBy: string | null; handledBy: string | null }[];
  /** The conversation's satisfaction surveys (one per resolution on a channel that asks), newest first. */
  satisfaction: { id: string; status: "asked" | "rated" | "skipped"; skipReason: "outside_window" | "send_failed" | null; rating: number | null; comment: string | null; resolvedAt: string }[];
  may: { editAttributes: boolean; readCampaigns: boolean };
}
