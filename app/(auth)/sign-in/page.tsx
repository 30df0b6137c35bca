import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { AuthCard } from "../auth-card";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.signIn.submit") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl }, user, { t }] = await Promise.all([searchParams, getSessionUser(), getT()]);
  if (user) redirect("/");
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
      <SignInForm callbackUrl={callbackUrl ?? null} />
    </AuthCard>
  );
}
