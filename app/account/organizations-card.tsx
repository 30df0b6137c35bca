"use client";

import Link from "next/link";
import { Card } from "@/components/ui/card";
import { RoleBadge } from "@/components/ui/role-badge";
import { useI18n } from "@/lib/i18n/client";
import type { AccountOverview } from "@/lib/services/accounts";

export function OrganizationsCard({ organizations }: { organizations: AccountOverview["organizations"] }) {
  const { t } = useI18n();
  return (
    <Card
      title={t("account.orgs.title")}
      aside={
        <Link href="/orgs/new" className="text-sm font-medium text-accent-600 hover:text-accent-700">
          {t("account.orgs.create")}
        </Link>
      }
      testId="account-orgs"
    >
      {organizations.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("account.orgs.empty")}</p>
      ) : (
        <ul className="divide-y divide-zinc-100">
          {organizations.map((org) => (
            <li key={org.slug} className="flex items-center justify-between gap-3 py-2.5" data-testid="account-org">
              <div className="flex min-w-0 items-center gap-2.5">
                <span className="truncate text-sm font-medium text-zinc-900">{org.name}</span>
                <RoleBadge role={org.role} />
              </div>
              <Link href={`/o/${org.slug}`} className="shrink-0 text-sm font-medium text-accent-600 hover:text-accent-700" aria-label={`${t("account.orgs.open")} ${org.name}`}>
                {t("account.orgs.open")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
