import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LockIcon } from "@/components/ui/icons";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { describeEmailLink } from "@/lib/services/accounts";
import { AuthCard } from "../../auth-card";
import { ConfirmEmailChange } from "./confirm-email-change";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("account.changeEmail.title") };
}

/** Opening the link only shows a button: mail scanners that fetch links must not use up a single-use token. */
export default async function ChangeEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, { t }, user] = await Promise.all([params, getT(), getSessionUser()]);
  const record = await describeEmailLink(token, "change_email");
  if (!record) {
    return (
      <EmptyState
        icon={<LockIcon className="size-5" />}
        title={t("account.changeEmail.invalidTitle")}
        body={t("account.changeEmail.invalidBody")}
        action={<ButtonLink href="/account" variant="secondary">{t("account.title")}</ButtonLink>}
      />
    );
  }
  return (
    <AuthCard title={t("account.changeEmail.title")} subtitle={t("account.changeEmail.subtitle", { email: record.email })}>
      <ConfirmEmailChange token={token} signedInAsOwner={user?.id === record.userId} />
    </AuthCard>
  );
}
