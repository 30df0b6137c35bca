import { en, type MessageKey } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import type { Locale } from "./locales";

export type { MessageKey };
export type Messages = Record<MessageKey, string>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** A value in a server message: a literal (a name, a count) or another key, such as a field's label. */
export type MessageVar = string | number | { key: MessageKey };
export type MessageVars = Record<string, MessageVar>;

/**
 * A message a service wrote for a person: its English text (what the API says) and, when it has one, the key
 * and values the dashboard translates it from. Plain data, so it crosses the server-action boundary.
 */
export type LocalizableMessage = { message: string; messageKey?: MessageKey; messageVars?: MessageVars };

const catalogs: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars) => interpolate(messages[key] ?? en[key] ?? key, vars);
}

/** Renders a key with its values from one catalog; values that are keys are rendered from the same catalog. */
export function renderMessage(messages: Messages, key: MessageKey, vars?: MessageVars): string {
  if (!vars) return interpolate(messages[key]);
  const flat: Vars = {};
  for (const [name, value] of Object.entries(vars)) flat[name] = typeof value === "object" ? (messages[value.key] ?? en[value.key]) : value;
  return interpolate(messages[key], flat);
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
  const said = typeof message === "string" ? { message } : message;
  const key = said.messageKey;
  if (!key || !isMessageKey(key)) return said.message;
  return renderMessage(catalogs[locale], key, said.messageVars);
}
