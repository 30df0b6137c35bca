import type { ReactNode } from "react";
import Link from "next/link";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Logo } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = await getT();
  return (
    <div className="relative flex min-h-dvh flex-col bg-zinc-50">
      <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-gradient-to-b from-accent-50 to-transparent" />
      <header className="relative flex items-center justify-between px-6 py-5">
        <Link href="/" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          <Logo className="size-7" />
          {t("app.name")}
        </Link>
        <LocaleSwitch className="w-36" />
      </header>
      <main className="relative flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-14">
        <div className="w-full max-w-[400px]">{children}</div>
      </main>
    </div>
  );
}
