import type { ReportsTab } from "@/components/shell/reports-tabs";
import type { Permission } from "@/lib/permissions";
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
