import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { atLeastOneField, inputString, say } from "@/lib/validation";
import { ORG_COLORS, type OrgColor } from "./constants";

export const organizationNameSchema = inputString("field.orgName", 80).min(2, { error: say("validation.tooShort", { field: { key: "field.orgName" }, min: 2 }) });

export const createOrganizationSchema = z.object({ name: organizationNameSchema });

// The constants browser components use live in the zod-free constants.ts.
export * from "./constants";

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const organizationSlugSchema = inputString("field.orgSlug", 40)
  .min(2, { error: say("validation.tooShort", { field: { key: "field.orgSlug" }, min: 2 }) })
  .regex(SLUG_PATTERN, { error: say("orgSettings.errors.slugFormat") });

/** Whether the runtime knows `zone` as an IANA time zone (Intl throws a RangeError for anything else). */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zones offered in the time zone list (UTC first, as Intl leaves it out of its list). */
export function timeZoneOptions(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...zones.filter((z) => z !== "UTC")];
}

export const timeZoneSchema = inputString("field.timeZone", 64).refine(isTimeZone, { error: say("orgSettings.errors.timeZone") });

export const updateOrganizationSchema = atLeastOneField(
  z.object({
    name: organizationNameSchema.optional(),
    slug: organizationSlugSchema.optional(),
    color: z.enum(ORG_COLORS, { error: say("orgSettings.errors.color") }).nullable().optional(),
    timeZone: timeZoneSchema.optional(),
    defaultLocale: z.enum(LOCALES, { error: say("orgSettings.errors.locale") }).optional(),
  }),
);
export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;

/** The owner types the organisation's slug to confirm its deletion (names may be shared, slugs may not). */
export const scheduleOrganizationDeletionSchema = z.object({ confirmation: inputString("field.deleteConfirmation", 80).min(1, { error: say("validation.required", { field: { key: "field.deleteConfirmation" } }) }) });

/** An organisation's settings as the General page and the API show them. */
export interface OrganizationSettings {
  id: string;
  name: string;
  slug: string;
  color: OrgColor | null;
  timeZone: string;
  defaultLocale: (typeof LOCALES)[number];
  /** Set while the organisation is scheduled for deletion: when its data will be removed. */
  deleteAfter: string | null;
}
