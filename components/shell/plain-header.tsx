import Link from "next/link";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Logo } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";

/** The header of pages outside an organisation (sign-in, new organisation, the outbox): the logo home and the language switch. */
export async function PlainHeader({ className = "" }: { className?: string }) {
  const { t } = await getT();
  return (
    <header className={`flex items-center justify-between px-6 py-5 ${className}`.trim()}>
      <Link href="/" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
        <Logo className="size-7" />
        {t("app.name")}
      </Link>
      <LocaleSwitch className="w-36" />
    </header>
  );
}
