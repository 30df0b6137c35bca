import { en, type MessageKey } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import { serverMessagesZhCN } from "./messages/server-zh-CN";
import type { Locale } from "./locales";

export type { MessageKey };
export type Messages = Record<MessageKey, string>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const catalogs: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars) => interpolate(messages[key] ?? en[key] ?? key, vars);
}

/**
 * Messages that come from services (validation and conflict messages, written in English as the API
 * speaks) are translated gettext-style: the English text is the message id. Patterns cover messages
 * that carry values. Unknown messages fall back to English rather than disappearing.
 */
export function translateServerMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const exact = serverMessagesZhCN.exact[message];
  if (exact) return exact;
  for (const [pattern, replacement] of serverMessagesZhCN.patterns) {
    if (pattern.test(message)) return message.replace(pattern, replacement);
  }
  return message;
}
