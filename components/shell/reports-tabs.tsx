"use client";

import { CampaignsIcon, ConversationsIcon, UsersIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import { NavLinks } from "./nav-links";

export const REPORTS_TABS = [
  { path: "service", label: "reports.tabs.service", icon: ConversationsIcon },
  { path: "campaigns", label: "reports.tabs.campaigns", icon: CampaignsIcon },
  { path: "live", label: "reports.tabs.live", icon: UsersIcon },
] as const;
export type ReportsTab = (typeof REPORTS_TABS)[number]["path"];

/** The Reports section's tabs; `shown` holds those the member's role may open (a marketer: Campaigns only). */
export function ReportsTabs({ orgSlug, shown }: { orgSlug: string; shown: ReportsTab[] }) {
  const { t } = useI18n();
  const links = REPORTS_TABS.filter((tab) => shown.includes(tab.path)).map(({ path, label, icon }) => ({ href: `/o/${orgSlug}/reports/${path}`, label: t(label), icon }));
  return <NavLinks label={t("nav.reports")} links={links} look="tabs" className="border-b border-zinc-200 print:hidden" />;
}
