"use client";

import { ConversationsIcon, KeyIcon, ListIcon, ReportsIcon, SettingsIcon, TagIcon, UsersIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import { NavLinks } from "./nav-links";

const tabs = [
  { path: "general", label: "settings.nav.general", icon: SettingsIcon },
  { path: "members", label: "settings.nav.members", icon: UsersIcon },
  { path: "skill-groups", label: "settings.nav.skillGroups", icon: TagIcon },
  { path: "labels", label: "settings.nav.labels", icon: TagIcon },
  { path: "canned-replies", label: "settings.nav.cannedReplies", icon: ConversationsIcon },
  { path: "api-keys", label: "settings.nav.apiKeys", icon: KeyIcon },
  { path: "workflows", label: "settings.nav.workflows", icon: ReportsIcon },
  { path: "audit-log", label: "settings.nav.auditLog", icon: ListIcon },
] as const;

export function SettingsTabs({ orgSlug }: { orgSlug: string }) {
  const { t } = useI18n();
  const links = tabs.map(({ path, label, icon }) => ({ href: `/o/${orgSlug}/settings/${path}`, label: t(label), icon }));
  return <NavLinks label={t("nav.settings")} links={links} look="tabs" className="border-b border-zinc-200" />;
}
