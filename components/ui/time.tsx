"use client";

import { useI18n } from "@/lib/i18n/client";

/** A timestamp in the reader's language and time zone (formatted in the browser, hence suppressHydrationWarning). */
export function Time({ iso, withTime = true }: { iso: string; withTime?: boolean }) {
  const { locale } = useI18n();
  const date = new Date(iso);
  const text = new Intl.DateTimeFormat(locale, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" }).format(date);
  return (
    <time dateTime={iso} title={date.toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
