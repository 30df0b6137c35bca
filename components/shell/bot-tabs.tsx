"use client";

import { BotIcon, ListIcon, ReportsIcon, SettingsIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import { NavLinks } from "./nav-links";

export const BOT_TABS = [
  { path: "faqs", label: "bot.tabs.faqs", icon: ListIcon },
  { path: "settings", label: "bot.tabs.settings", icon: SettingsIcon },
  { path: "connectors", label: "bot.tabs.connectors", icon: BotIcon },
  { path: "analytics", label: "bot.tabs.analytics", icon: ReportsIcon },
] as const;
export type BotTab = (typeof BOT_TABS)[number]["path"];

/** The Bot section's tabs; `shown` holds those the member's role may open. */
export function BotTabs({ orgSlug, shown }: { orgSlug: string; shown: BotTab[] }) {
  const { t } = useI18n();
  const links = BOT_TABS.filter((tab) => shown.includes(tab.path)).map(({ path, label, icon }) => ({ href: `/o/${orgSlug}/bot/${path}`, label: t(label), icon }));
  return <NavLinks label={t("nav.bot")} links={links} look="tabs" className="border-b border-zinc-200" />;
}
