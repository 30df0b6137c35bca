import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LockIcon } from "@/components/ui/icons";
import { getSessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { describeInvitation } from "@/lib/services/members";
import { AuthCard } from "../../auth-card";
import { AcceptInvitationForm } from "./accept-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.invite.submit") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, { t }, user] = await Promise.all([params, getT(), getSessionUser()]);
  const invitation = await describeInvitation(token).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!invitation) {
    return (
      <EmptyState
        icon={<LockIcon className="size-5" />}
        title={t("auth.invite.invalidTitle")}
        body={t("auth.invite.invalidBody")}
        action={<ButtonLink href="/sign-in" variant="secondary">{t("auth.invite.goToSignIn")}</ButtonLink>}
      />
    );
  }
  return (
    <AuthCard
      title={t("auth.invite.title", { org: invitation.orgName })}
      subtitle={t("auth.invite.subtitle", { org: invitation.orgName, role: t(`role.${invitation.role}`) })}
    >
      <AcceptInvitationForm
        token={token}
        email={invitation.email}
        hasAccount={invitation.hasAccount}
        signedInAs={user ? { email: user.email, isInvitee: user.id === invitation.accountId } : null}
      />
    </AuthCard>
  );
}
