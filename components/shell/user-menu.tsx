"use client";

import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { ListIcon, SignOutIcon, UsersIcon } from "@/components/ui/icons";
import { Menu, MenuItem, MenuLabel, MenuRadioGroup, MenuSeparator } from "@/components/ui/menu";
import { signOutTo } from "@/lib/auth/browser-session";
import { useI18n } from "@/lib/i18n/client";
import { isLocale } from "@/lib/i18n/locales";
import { useLocaleChoice } from "./locale-switch";

export function UserMenu({ name, email, instanceOwner = false }: { name: string; email: string; instanceOwner?: boolean }) {
  const { t } = useI18n();
  const language = useLocaleChoice();
  return (
    <Menu
      label={t("shell.accountMenu")}
      triggerHasText
      align="right"
      className="shrink-0"
      trigger={
        <span className="flex items-center gap-2 p-1">
          <Avatar label={name || email} className="size-7" />
          <span className="hidden max-w-40 truncate text-sm font-medium text-zinc-700 sm:block">{name || email}</span>
        </span>
      }
    >
      <div className="px-2.5 py-2">
        <p className="text-xs text-zinc-500">{t("common.signedInAs")}</p>
        <p className="truncate text-sm font-medium text-zinc-900">{name}</p>
        <p className="truncate text-xs text-zinc-500">{email}</p>
      </div>
      <MenuSeparator />
      <MenuLabel>{t("shell.language")}</MenuLabel>
      <MenuRadioGroup label={t("shell.language")} value={language.locale} options={language.options} onChoose={(l) => isLocale(l) && language.choose(l)} />
      <MenuSeparator />
      <MenuItem asChild>
        <Link href="/account">
          <UsersIcon className="size-4 text-zinc-500" />
          {t("account.menuLink")}
        </Link>
      </MenuItem>
      {instanceOwner && (
        <MenuItem asChild>
          <Link href="/admin/outbox">
            <ListIcon className="size-4 text-zinc-500" />
            {t("outbox.link")}
          </Link>
        </MenuItem>
      )}
      <MenuItem onSelect={() => void signOutTo("/sign-in")}>
        <SignOutIcon className="size-4 text-zinc-500" />
        {t("auth.signOut")}
      </MenuItem>
    </Menu>
  );
}
