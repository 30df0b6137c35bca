import Link from "next/link";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { SkipLink } from "@/components/shell/skip-link";
import { Logo } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";

/**
 * The header of pages outside an organisation (sign-in, new organisation, the outbox): the skip link, the logo
 * home and the language switch. The page under it has <main id={MAIN_ID} tabIndex={-1}>.
 */
export async function PlainHeader({ className = "" }: { className?: string }) {
  const { t } = await getT();
  return (
    <>
      <SkipLink label={t("shell.skipToContent")} />
      <header className={`flex items-center justify-between px-6 py-5 ${className}`.trim()}>
        <Link href="/" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          <Logo className="size-7" />
          {t("app.name")}
        </Link>
        <LocaleSwitch className="w-36" />
      </header>
    </>
  );
}
