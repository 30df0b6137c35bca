import { en, type MessageKey } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import type { Locale } from "./locales";
import { interpolate, renderLocalizable, renderMessage as renderFrom, type LocalizableMessage, type Messages, type MessageVars, type Vars } from "./render";

// Both catalogs, for the server. Browser code renders from the one catalog the layout hands it (./render).
export type { MessageKey };
export type { LocalizableMessage, Messages, MessageVar, MessageVars, Vars } from "./render";
export { interpolate };
export type Translate = (key: MessageKey, vars?: Vars) => string;

const catalogs: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars) => interpolate(messages[key] ?? en[key] ?? key, vars);
}

/** Renders a key with its values from one catalog; values that are keys are rendered from the same catalog. */
export function renderMessage(messages: Messages, key: MessageKey, vars?: MessageVars): string {
  return renderFrom(messages, key, vars, en);
}

/** The English text of a server message: the single source of what the API says. */
export function englishMessage(key: MessageKey, vars?: MessageVars): string {
  return renderMessage(en, key, vars);
}

/**
 * A service's message in the reader's language, by its key. A message without a known key (a message a
 * dependency wrote) keeps its English rather than disappearing.
 */
export function translateMessage(message: LocalizableMessage | string, locale: Locale): string {
  return renderLocalizable(message, catalogs[locale], en);
}
