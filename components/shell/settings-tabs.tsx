"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { KeyIcon, ListIcon, ReportsIcon, TagIcon, UsersIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";

const tabs = [
  { path: "members", label: "settings.nav.members", icon: UsersIcon },
  { path: "skill-groups", label: "settings.nav.skillGroups", icon: TagIcon },
  { path: "api-keys", label: "settings.nav.apiKeys", icon: KeyIcon },
  { path: "workflows", label: "settings.nav.workflows", icon: ReportsIcon },
  { path: "audit-log", label: "settings.nav.auditLog", icon: ListIcon },
] as const;

export function SettingsTabs({ orgSlug }: { orgSlug: string }) {
  const { t } = useI18n();
  // Null only outside the App Router; typed nullable since pages/ holds the webhook route.
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={t("nav.settings")} className="border-b border-zinc-200">
      <ul className="-mb-px flex gap-5 overflow-x-auto">
        {tabs.map(({ path, label, icon: Icon }) => {
          const href = `/o/${orgSlug}/settings/${path}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={path}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2 border-b-2 px-0.5 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "border-accent-600 text-zinc-900" : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
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
