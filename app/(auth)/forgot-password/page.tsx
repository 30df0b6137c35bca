import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { AuthCard } from "../auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("account.forgot.title") };
}

export default async function ForgotPasswordPage() {
  const { t } = await getT();
  return (
    <AuthCard
      title={t("account.forgot.title")}
      subtitle={t("account.forgot.subtitle")}
      footer={
        <Link href="/sign-in" className="font-medium text-accent-600 hover:text-accent-700">
          {t("account.forgot.backToSignIn")}
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
