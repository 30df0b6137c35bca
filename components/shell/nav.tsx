"use client";

import { BotIcon, CampaignsIcon, UsersIcon, ChannelsIcon, ConversationsIcon, ReportsIcon, SettingsIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { NavLinks, type NavLink } from "./nav-links";

export type NavSection = "channels" | "campaigns" | "audiences" | "conversations" | "bot" | "reports" | "settings";

const items: Record<NavSection, { label: MessageKey; icon: NavLink["icon"] }> = {
  channels: { label: "nav.channels", icon: ChannelsIcon },
  campaigns: { label: "nav.campaigns", icon: CampaignsIcon },
  audiences: { label: "nav.audiences", icon: UsersIcon },
  conversations: { label: "nav.conversations", icon: ConversationsIcon },
  bot: { label: "nav.bot", icon: BotIcon },
  reports: { label: "nav.reports", icon: ReportsIcon },
  settings: { label: "nav.settings", icon: SettingsIcon },
};

/** The main navigation; `sections` holds only what the member's role may open. */
export function MainNav({ orgSlug, sections, orientation }: { orgSlug: string; sections: NavSection[]; orientation: "vertical" | "horizontal" }) {
  const { t } = useI18n();
  const links = sections.map((section) => ({ href: `/o/${orgSlug}/${section}`, label: t(items[section].label), icon: items[section].icon }));
  return <NavLinks label={t("shell.mainNav")} links={links} look={orientation} />;
}
