import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { ResendVerification } from "@/app/(auth)/verify-email/resend-verification";
import { isEmailVerified } from "@/lib/auth/email-verified";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { listUserOrganizations } from "@/lib/services/organizations";
import { CreateOrganizationForm } from "./create-organization-form";
import { PlainHeader } from "@/components/shell/plain-header";
import { MAIN_ID } from "@/components/shell/skip-link";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("orgs.new.title") };
}

export default async function NewOrganizationPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/orgs/new")}`);
  const [{ t }, orgs, verified] = await Promise.all([getT(), listUserOrganizations(user.id), isEmailVerified(user.id)]);
  return (
    <div className="flex min-h-dvh flex-col">
      <PlainHeader />
      <main id={MAIN_ID} tabIndex={-1} className="outline-none flex flex-1 justify-center px-4 pt-8 pb-16 sm:pt-14">
        <div className="w-full max-w-[420px]">
          <div className="rounded-xl border border-zinc-200 bg-white p-7 shadow-sm">
            <h1 className="text-lg font-semibold tracking-tight text-zinc-900">{t("orgs.new.title")}</h1>
            <p className="mt-1 text-sm text-zinc-500">{orgs.length === 0 ? t("orgs.new.none") : t("orgs.new.subtitle")}</p>
            <div className="mt-6">
              {verified ? (
                <CreateOrganizationForm />
              ) : (
                <div className="space-y-4">
                  <Alert tone="warning">{t("verify.notice")}</Alert>
                  <ResendVerification />
                </div>
              )}
            </div>
          </div>
          {orgs.length > 0 && (
            <p className="mt-5 text-center text-sm">
              <Link href={`/o/${orgs[0].slug}`} className="font-medium text-zinc-500 hover:text-zinc-800">
                {t("orgs.new.back")}
              </Link>
            </p>
          )}
        </div>
      </main>
    </div>
  );
}
