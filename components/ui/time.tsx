"use client";

import { useFormat } from "@/lib/i18n/client";

/**
 * A timestamp in the reader's language and time zone (lib/i18n/format.ts). Formatted again in the browser,
 * whose zone the server does not know, hence suppressHydrationWarning; `timeZone` pins one instead.
 */
export function Time({ iso, withTime = true, seconds = false, timeZone }: { iso: string; withTime?: boolean; seconds?: boolean; timeZone?: string }) {
  const format = useFormat();
  const text = withTime ? format.dateTime(iso, { seconds, timeZone }) : format.date(iso, { timeZone });
  return (
    <time dateTime={iso} title={new Date(iso).toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
