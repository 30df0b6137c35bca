"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useI18n } from "@/lib/i18n/client";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";
import { setLocaleAction } from "./locale-actions";

/** 中文 / English as a segmented control; the choice is stored in a cookie by a server action. */
export function LocaleSwitch({ className }: { className?: string }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (next: Locale) => {
    if (next === locale) return;
    startTransition(async () => {
      const result = await setLocaleAction(next);
      if (result.ok) router.refresh();
    });
  };
  return (
    <div role="group" aria-label={t("shell.language")} className={cn("flex rounded-md bg-zinc-100 p-0.5", pending && "opacity-60", className)}>
      {[...LOCALES].reverse().map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          onClick={() => choose(l)}
          disabled={pending}
          className={cn(
            "flex-1 rounded px-2.5 py-1 text-xs font-medium transition-colors",
            l === locale ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-500 hover:text-zinc-800",
          )}
        >
          {t(l === "en" ? "lang.en" : "lang.zh-CN")}
        </button>
      ))}
    </div>
  );
}
