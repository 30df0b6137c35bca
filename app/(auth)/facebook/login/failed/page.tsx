import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { en } from "@/lib/i18n/messages/en";
import type { MessageKey } from "@/lib/i18n/translate";
import { AuthCard } from "../../../auth-card";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("facebookLogin.failed.title") };
}

// Only messages of our catalogs are shown (the reason is a key the callback chose; a link cannot inject text).
function reasonKey(reason: string | undefined): MessageKey {
  if (reason && Object.hasOwn(en, reason) && (reason.startsWith("facebookLogin.errors.") || reason.startsWith("errors.") || reason.startsWith("orgs.errors."))) return reason as MessageKey;
  return "errors.internal";
}

/** Where a refused return from Meta's login dialog lands (a forged, reused or expired state; someone else's run). */
export default async function FacebookLoginFailedPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const [{ reason }, { t }] = await Promise.all([searchParams, getT()]);
  return (
    <AuthCard title={t("facebookLogin.failed.title")}>
      <p className="text-sm leading-6 text-zinc-700" data-testid="facebook-login-error">
        {t(reasonKey(reason))}
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-accent-700 hover:underline">
        {t("facebookLogin.backToChannels")}
      </Link>
    </AuthCard>
  );
}
