import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LockIcon } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";
import { describeEmailLink } from "@/lib/services/accounts";
import { AuthCard } from "../../auth-card";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("account.reset.title") };
}

/** Opening the link only shows the form: mail scanners that fetch links must not use up a single-use token. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, { t }] = await Promise.all([params, getT()]);
  const record = await describeEmailLink(token, "reset_password");
  if (!record) {
    return (
      <EmptyState
        icon={<LockIcon className="size-5" />}
        title={t("account.reset.invalidTitle")}
        body={t("account.reset.invalidBody")}
        action={<ButtonLink href="/forgot-password" variant="secondary">{t("account.reset.askAgain")}</ButtonLink>}
      />
    );
  }
  return (
    <AuthCard title={t("account.reset.title")} subtitle={t("account.reset.subtitle", { email: record.email })}>
      <ResetPasswordForm token={token} email={record.email} />
    </AuthCard>
  );
}
