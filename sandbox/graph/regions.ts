/**
 * Where recurring notifications and the Marketing Messages API are available, per Meta's 2025-2026 notices:
 * recurring notifications (notification_messages) were discontinued on 2026-02-10 everywhere except the AU, EU,
 * JP, KR and UK regions; Marketing Messages serves businesses of a fixed list of countries (mainland China
 * excluded) and reaches subscribers anywhere except the EU, JP, KR, AU and UK. The sandbox decides by the
 * Page's `region` (its audience) and `businessCountry`; both default to "US".
 */
import type { SandboxPage } from "../state/types";
import { GraphError } from "./graph-error";

/** 2026-02-10T00:00:00Z, on the sandbox clock. */
export const RECURRING_DISCONTINUED_AT = Date.UTC(2026, 1, 10);
export const RECURRING_REGIONS: ReadonlySet<string> = new Set(["AU", "EU", "JP", "KR", "UK"]);
/** Marketing Messages cannot reach subscribers in these regions. */
export const MARKETING_EXCLUDED_REGIONS: ReadonlySet<string> = new Set(["EU", "JP", "KR", "AU", "UK"]);
/** Countries whose businesses tech providers may serve with Marketing Messages (Meta's list, 2026). */
export const MARKETING_BUSINESS_COUNTRIES: ReadonlySet<string> = new Set([
  "AU", "BR", "CL", "CO", "HK", "IN", "ID", "IL", "MY", "MX", "NZ", "PE", "PH", "SA", "SG", "TW", "TH", "AE", "US", "VN",
]);

export const regionOf = (page: SandboxPage) => page.region ?? "US";
export const businessCountryOf = (page: SandboxPage) => (page.businessCountry ?? "US").toUpperCase();

export function recurringAvailable(page: SandboxPage, now: number): boolean {
  return now < RECURRING_DISCONTINUED_AT || RECURRING_REGIONS.has(regionOf(page));
}

/** Throws the (inferred) Graph error when the Page may no longer use recurring notifications. */
export function assertRecurringAvailable(page: SandboxPage, now: number): void {
  if (!recurringAvailable(page, now)) {
    throw new GraphError(400, 10, `(#10) Recurring notifications (notification_messages) are not available for Pages in region ${regionOf(page)}.`);
  }
}

/** Throws the (inferred) Graph error when the Page's business or audience is outside Marketing Messages' reach. */
export function assertMarketingAvailable(page: SandboxPage): void {
  const country = businessCountryOf(page);
  if (country === "CN" || !MARKETING_BUSINESS_COUNTRIES.has(country)) {
    throw new GraphError(400, 10, `(#10) Marketing messages are not available to businesses in ${country}.`);
  }
  if (MARKETING_EXCLUDED_REGIONS.has(regionOf(page))) {
    throw new GraphError(400, 10, `(#10) Marketing messages can't be sent to people in region ${regionOf(page)}.`);
  }
}
