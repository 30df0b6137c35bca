import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PlainHeader } from "@/components/shell/plain-header";
import { MAIN_ID } from "@/components/shell/skip-link";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getAccount } from "@/lib/services/accounts";
import { landingPath } from "../landing";
import { AccountClient } from "./account-client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("account.title") };
}

/** The signed-in user's own settings, outside any organisation: they are the same in every one. */
export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/account")}`);
  const [{ t }, account, back] = await Promise.all([getT(), getAccount(user.id), landingPath(user)]);
  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50">
      <PlainHeader />
      <main id={MAIN_ID} tabIndex={-1} className="outline-none mx-auto w-full max-w-2xl flex-1 px-4 pt-4 pb-16">
        <div className="mb-6 flex items-end justify-between gap-4">
          <div>
            <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{t("account.title")}</h1>
            <p className="mt-1 text-sm text-zinc-500">{t("account.subtitle")}</p>
          </div>
          <Link href={back} className="shrink-0 text-sm font-medium text-zinc-500 hover:text-zinc-800">
            {t("account.back")}
          </Link>
        </div>
        <AccountClient account={account} />
      </main>
    </div>
  );
}
