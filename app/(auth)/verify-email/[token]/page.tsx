import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LockIcon } from "@/components/ui/icons";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { describeVerificationLink } from "@/lib/services/accounts";
import { AuthCard } from "../../auth-card";
import { ConfirmVerification } from "./confirm-verification";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("verify.confirm.title") };
}

/**
 * Opening the link only shows a button: mail scanners that fetch links must not use up a single-use token.
 */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, { t }, user] = await Promise.all([params, getT(), getSessionUser()]);
  const record = await describeVerificationLink(token);
  if (!record) {
    return (
      <EmptyState
        icon={<LockIcon className="size-5" />}
        title={t("verify.invalid.title")}
        body={t("verify.invalid.body")}
        action={<ButtonLink href="/sign-in" variant="secondary">{t("auth.invite.goToSignIn")}</ButtonLink>}
      />
    );
  }
  return (
    <AuthCard title={t("verify.confirm.title")} subtitle={t("verify.confirm.body", { email: record.email })}>
      <ConfirmVerification token={token} signedInAsOwner={user?.id === record.userId} />
    </AuthCard>
  );
}
