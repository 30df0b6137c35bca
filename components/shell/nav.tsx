"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType, SVGProps } from "react";
import { cn } from "@/components/ui/cn";
import { CampaignsIcon, ChannelsIcon, ConversationsIcon, ReportsIcon, SettingsIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";

export type NavSection = "channels" | "campaigns" | "conversations" | "reports" | "settings";

const items: Record<NavSection, { label: MessageKey; icon: ComponentType<SVGProps<SVGSVGElement>> }> = {
  channels: { label: "nav.channels", icon: ChannelsIcon },
  campaigns: { label: "nav.campaigns", icon: CampaignsIcon },
  conversations: { label: "nav.conversations", icon: ConversationsIcon },
  reports: { label: "nav.reports", icon: ReportsIcon },
  settings: { label: "nav.settings", icon: SettingsIcon },
};

/** The main navigation; `sections` holds only what the member's role may open. */
export function MainNav({ orgSlug, sections, orientation }: { orgSlug: string; sections: NavSection[]; orientation: "vertical" | "horizontal" }) {
  const { t } = useI18n();
  // Null only outside the App Router; typed nullable since pages/ holds the webhook route.
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={t("shell.mainNav")}>
      <ul className={orientation === "vertical" ? "space-y-0.5" : "flex gap-1 overflow-x-auto"}>
        {sections.map((section) => {
          const href = `/o/${orgSlug}/${section}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          const { label, icon: Icon } = items[section];
          return (
            <li key={section}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200" : "text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900",
                )}
              >
                <Icon className={cn("size-4", active ? "text-accent-600" : "text-zinc-400")} />
                {t(label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
