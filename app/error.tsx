"use client";

import { Button } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";

/** Unexpected errors: a calm message in the user's language, never the error's text. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center px-6 text-center">
      <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{t("errors.title")}</h1>
      <p className="mt-2 max-w-sm text-sm text-zinc-500">{t("errors.internal")}</p>
      <Button className="mt-6" onClick={reset}>
        {t("errors.retry")}
      </Button>
    </main>
  );
}
