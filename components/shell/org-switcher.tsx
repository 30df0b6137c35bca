"use client";

import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { CheckIcon, ChevronUpDownIcon, PlusIcon } from "@/components/ui/icons";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/menu";
import { useI18n } from "@/lib/i18n/client";
import type { Role } from "@/lib/permissions";

export interface OrgOption {
  slug: string;
  name: string;
  role: Role;
  /** A colour name for the initials (null: derived from the name). */
  color: string | null;
  /** Scheduled for deletion (only its owners see it listed). */
  pendingDeletion: boolean;
}

/**
 * The organisation switcher. Names need not be unique, so each entry shows the slug under the name and the
 * organisation's colour behind its initials: two organisations called alike still look different.
 */
export function OrgSwitcher({ current, orgs }: { current: OrgOption; orgs: OrgOption[] }) {
  const { t } = useI18n();
  return (
    <Menu
      label={t("shell.switchOrg")}
      triggerHasText
      className="min-w-0"
      trigger={
        <span className="flex min-w-0 items-center gap-2.5 px-1.5 py-1">
          <Avatar label={current.name} color={current.color} className="size-7 rounded-md" />
          <span className="min-w-0 text-left">
            <span className="block truncate text-sm font-semibold text-zinc-900" data-testid="current-org">
              {current.name}
            </span>
            <span className="block truncate text-xs text-zinc-500">
              {t(`role.${current.role}`)} · <span data-testid="current-org-slug">{current.slug}</span>
            </span>
          </span>
          <ChevronUpDownIcon className="size-4 shrink-0 text-zinc-500" />
        </span>
      }
    >
      <MenuLabel>{t("shell.organisations")}</MenuLabel>
      {orgs.map((org) => (
        <MenuItem key={org.slug} asChild>
          <Link href={`/o/${org.slug}/${org.pendingDeletion ? "settings/general" : "channels"}`} aria-current={org.slug === current.slug ? "true" : undefined} data-testid={`org-option-${org.slug}`}>
            <Avatar label={org.name} color={org.color} className="size-6 rounded-md text-[10px]" />
            <span className="min-w-0 flex-1">
              <span className="block truncate">{org.name}</span>
              <span className="block truncate text-xs text-zinc-500">{org.pendingDeletion ? t("orgSettings.pending.badge") : org.slug}</span>
            </span>
            {org.slug === current.slug ? (
              <CheckIcon className="size-4 text-accent-600" aria-label={t("shell.current")} />
            ) : (
              <span className="text-xs text-zinc-500">{t(`role.${org.role}`)}</span>
            )}
          </Link>
        </MenuItem>
      ))}
      <MenuSeparator />
      <MenuItem asChild>
        <Link href="/orgs/new">
          <PlusIcon className="size-4 text-zinc-500" />
          {t("shell.createOrg")}
        </Link>
      </MenuItem>
    </Menu>
  );
}
