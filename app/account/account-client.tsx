"use client";

import { NameCard } from "./name-card";
import { EmailCard } from "./email-card";
import { PasswordCard } from "./password-card";
import { OrganizationsCard } from "./organizations-card";
import type { AccountOverview } from "@/lib/services/accounts";

export function AccountClient({ account }: { account: AccountOverview }) {
  return (
    <div className="space-y-5">
      <NameCard name={account.name} />
      <EmailCard email={account.email} pendingEmail={account.pendingEmail} />
      <PasswordCard email={account.email} />
      <OrganizationsCard organizations={account.organizations} />
    </div>
  );
}
