import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { landingPath } from "../../landing";
import { AuthCard } from "../auth-card";
import { safeCallback } from "../sign-in-errors";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.signIn.submit") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const [{ callbackUrl, reset }, user, { t }] = await Promise.all([searchParams, getSessionUser(), getT()]);
  if (user) redirect(callbackUrl ? safeCallback(callbackUrl) : await landingPath(user));
  return (
    <AuthCard
      title={t("auth.signIn.title")}
      subtitle={t("auth.signIn.subtitle")}
      footer={
        <>
          {t("auth.signIn.noAccount")}{" "}
          <Link href="/sign-up" className="font-medium text-accent-600 hover:text-accent-700">
            {t("auth.signIn.createAccount")}
          </Link>
        </>
      }
    >
      {reset && (
        <Alert tone="success" className="mb-4">
          {t("account.signIn.passwordReset")}
        </Alert>
      )}
      <SignInForm callbackUrl={callbackUrl ?? null} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-zinc-500 hover:text-zinc-800">
          {t("account.signIn.forgot")}
        </Link>
      </p>
    </AuthCard>
  );
}
