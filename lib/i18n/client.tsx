"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { formatBytes, formatDate, formatDateTime, formatDayMonth, formatDuration, formatNumber, formatRelative, formatTime, type ZoneOption } from "./format";
import type { Locale } from "./locales";
import type { MessageKey, Translate } from "./translate";
import { interpolate, renderLocalizable, type LocalizableMessage, type Messages } from "./render";

const I18nContext = createContext<{ locale: Locale; messages: Messages } | null>(null);

/** Hands the server-chosen catalog to client components (the layout passes only the active locale's). */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** `serverMessage` shows a service's message (an action's refusal, a field error) in the reader's language, by its key. */
export function useI18n(): { t: Translate; locale: Locale; serverMessage: (message: LocalizableMessage | string) => string } {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  const { locale, messages } = ctx;
  return useMemo(
    () => ({
      locale,
      t: (key: MessageKey, vars?: Record<string, string | number>) => interpolate(messages[key] ?? key, vars),
      serverMessage: (message: LocalizableMessage | string) => renderLocalizable(message, messages),
    }),
    [locale, messages],
  );
}

const TimeZoneContext = createContext<string | undefined>(undefined);

/**
 * The organisation's time zone for everything below it (the org layout sets it from Settings → General), so a
 * team spread over several countries reads one clock, the one its schedules use, and the server's rendering
 * matches the browser's. Outside an organisation the reader's own zone applies.
 */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** The zone times are shown in: the organisation's, or undefined (the reader's) outside one. */
export function useTimeZone(): string | undefined {
  return useContext(TimeZoneContext);
}

/**
 * lib/i18n/format.ts bound to the reader's language and the organisation's time zone: every date, time and
 * duration on a screen goes through it. An explicit `timeZone` option still wins.
 */
export function useFormat() {
  const { locale } = useI18n();
  const orgZone = useContext(TimeZoneContext);
  return useMemo(
    () => ({
      dateTime: (value: Date | string | number, options?: ZoneOption & { seconds?: boolean }) => formatDateTime(value, locale, { ...options, timeZone: options?.timeZone ?? orgZone }),
      date: (value: Date | string | number, options?: ZoneOption) => formatDate(value, locale, { ...options, timeZone: options?.timeZone ?? orgZone }),
      dayMonth: (value: Date | string | number, options?: ZoneOption) => formatDayMonth(value, locale, { ...options, timeZone: options?.timeZone ?? orgZone }),
      time: (value: Date | string | number, options?: ZoneOption) => formatTime(value, locale, { ...options, timeZone: options?.timeZone ?? orgZone }),
      relative: (value: Date | string | number, now?: Date | string | number) => formatRelative(value, locale, now),
      duration: (ms: number | null) => formatDuration(ms, locale),
      number: (n: number) => formatNumber(n, locale),
      bytes: (n: number) => formatBytes(n, locale),
    }),
    [locale, orgZone],
  );
}
