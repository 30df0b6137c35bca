import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getT();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <p className="font-mono text-sm font-semibold text-accent-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900">{t("notFound.title")}</h1>
      <p className="mt-2 max-w-sm text-sm text-zinc-500">{t("notFound.body")}</p>
      <ButtonLink href="/" className="mt-6">
        {t("notFound.home")}
      </ButtonLink>
    </main>
  );
}
