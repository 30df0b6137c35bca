import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { isEmailVerified } from "@/lib/auth/email-verified";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { AuthCard } from "../auth-card";
import { ResendVerification } from "./resend-verification";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("verify.pending.title") };
}

/** Where a new, unverified account waits for its link (and can ask for another). */
export default async function VerifyEmailPendingPage() {
  const [user, { t }] = await Promise.all([getSessionUser(), getT()]);
  if (!user) redirect("/sign-in?callbackUrl=/verify-email");
  if (await isEmailVerified(user.id)) redirect("/");
  return (
    <AuthCard title={t("verify.pending.title")} subtitle={t("verify.pending.body", { email: user.email })}>
      <ResendVerification />
    </AuthCard>
  );
}
