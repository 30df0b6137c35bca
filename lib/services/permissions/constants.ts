/** The permissions ledger's shapes, browser-safe (no zod, no database). */

/** One-Time Notification ("Notify Me"), recurring notification (topic), Marketing Messages subscription. */
export const PERMISSION_KINDS = ["otn", "recurring", "marketing"] as const;
export type PermissionKind = (typeof PERMISSION_KINDS)[number];

/** active: may be used; used: an OTN token Meta took; stopped: the person stopped notifications; expired: past its expiry. */
export const PERMISSION_STATUSES = ["active", "used", "stopped", "expired"] as const;
export type PermissionStatus = (typeof PERMISSION_STATUSES)[number];

/** Meta's One-Time Notification tokens are valid for a year from the opt-in. */
export const OTN_TOKEN_LIFETIME_MS = 365 * 86_400_000;

/** One permission to message a person, whatever its kind (never the token itself). */
export interface ContactPermission {
  id: string;
  kind: PermissionKind;
  status: PermissionStatus;
  /** The recurring topic (Meta's title), or the OTN campaign's name; null for marketing. */
  topic: string | null;
  /** The OTN campaign; null for the other kinds. */
  campaignId: string | null;
  frequency: "daily" | "weekly" | "monthly" | null;
  /** The person's time zone as the opt-in gave it; null when unknown. */
  userTimeZone: string | null;
  source: "optin" | "import";
  optedInAt: string;
  expiresAt: string | null;
  stoppedAt: string | null;
  /** When a message went out with it (OTN: its only one; recurring: the latest). */
  lastSentAt: string | null;
}

export type PermissionCounts = Record<PermissionStatus, number>;
export type ChannelPermissionSummary = Record<PermissionKind, PermissionCounts>;

/** Why a kind is not offered on a channel: an i18n key under permissions.reason. */
export type AvailabilityReason =
  | "permissions.reason.regionNotSet"
  | "permissions.reason.recurringRegion"
  | "permissions.reason.marketingRegion"
  | "permissions.reason.businessCountryNotSet"
  | "permissions.reason.marketingChina"
  | "permissions.reason.marketingCountry"
  | "permissions.reason.noAdAccount";

export type Availability = { available: true } | { available: false; reason: AvailabilityReason };
export type ChannelAvailability = { recurring: Availability; marketing: Availability };

/** The channel's latest subscription-token import (from the audit log): still running, or how it ended. */
export type LastTokenImport =
  | { state: "running"; at: string }
  | {
      state: "completed" | "refused" | "failed";
      at: string;
      seen: number;
      imported: number;
      alreadyKnown: number;
      reason: AvailabilityReason | null;
      /** Meta's words when it kept refusing (failed); null otherwise or when the failure was not Meta's. */
      error: string | null;
      trigger: "member" | "daily";
    };
