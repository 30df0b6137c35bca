import type { ReportsTab } from "@/components/shell/reports-tabs";
import { DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translateMessage } from "@/lib/i18n/translate";
import type { Permission } from "@/lib/permissions";
import type { ReportPreset } from "@/lib/services/reports";
import { can, type OrgContext } from "@/lib/tenancy/context";

/** What each tab of Reports needs: the service figures and the live overview are supervisors'; campaigns are marketers' too. */
export const REPORTS_TAB_PERMISSIONS: Record<ReportsTab, Permission> = {
  service: "reports.service",
  campaigns: "reports.read",
  live: "reports.service",
};

export function reportsTabsFor(ctx: OrgContext): ReportsTab[] {
  return (Object.keys(REPORTS_TAB_PERMISSIONS) as ReportsTab[]).filter((tab) => can(ctx, REPORTS_TAB_PERMISSIONS[tab]));
}

/** One query parameter as a string (a repeated one is not ours: ignored). */
export const param = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

/**
 * The query of a report's CSV: the resolved days (not the preset, so a download at midnight still equals the
 * screen) and the filters shown.
 */
export function reportQueryString(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  return params.toString();
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The range a report page asks for: a preset ignores the dates the form also sends; dates alone mean a custom
 * range. `shown` is the preset the filters show.
 */
export function rangeFromQuery(query: SearchParams) {
  const preset = param(query.preset);
  const custom = preset === "custom" || (!preset && Boolean(param(query.from)));
  return {
    input: { preset: preset as ReportPreset | undefined, from: custom ? param(query.from) : undefined, to: custom ? param(query.to) : undefined },
    custom,
    preset,
    shown: custom ? "custom" : (preset ?? "7d"),
  };
}

/**
 * A report for the page's query, or, when the query is refused (a bad date, a range too long, another
 * organisation's filter), the default report with the reason in the page's language: the page never fails on
 * a hand-edited URL.
 */
export async function reportOrDefault<R>(load: (input?: unknown) => Promise<R>, input: unknown, locale: Locale): Promise<{ report: R; refused: string | null }> {
  try {
    return { report: await load(input), refused: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { report: await load(), refused: translateMessage(error.localizable, locale) };
  }
}
