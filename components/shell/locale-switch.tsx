"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { useI18n } from "@/lib/i18n/client";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";
import { focusElement, focusLost } from "@/components/ui/focus";
import { setLocaleAction } from "./locale-actions";

/** The languages (中文 first), each named in its own language, and the choice, stored in a cookie by a server action. */
export function useLocaleChoice() {
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
  const options = [...LOCALES].reverse().map((l) => ({ value: l, label: t(l === "en" ? "lang.en" : "lang.zh-CN"), lang: l }));
  return { locale, options, choose, pending };
}

/** 中文 / English as a segmented control, for the pages outside an organisation (the account menu has its own). */
export function LocaleSwitch({ className }: { className?: string }) {
  const { t } = useI18n();
  const { locale, options, choose, pending } = useLocaleChoice();
  const group = useRef<HTMLDivElement>(null);
  const chosen = useRef(false);
  // The page comes back in the other language with focus where it was: on the switch, on the language now chosen.
  useEffect(() => {
    if (pending || !chosen.current) return;
    chosen.current = false;
    if (focusLost()) focusElement(group.current?.querySelector<HTMLElement>('[aria-pressed="true"]'));
  }, [pending, locale]);
  return (
    <div ref={group} role="group" aria-label={t("shell.language")} className={cn("flex rounded-md bg-zinc-100 p-0.5", pending && "cursor-progress", className)}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          lang={o.lang}
          aria-pressed={o.value === locale}
          onClick={() => {
            if (pending) return;
            chosen.current = true;
            choose(o.value);
          }}
          // Not `disabled` while switching: that would drop focus to <body>.
          aria-disabled={pending || undefined}
          className={cn(
            "flex-1 rounded px-2.5 py-1 text-xs font-medium transition-colors",
            o.value === locale ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-500 hover:text-zinc-800",
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
