import type { MessageKey } from "./messages/en";

// Rendering a message from a catalog the caller holds. No catalog is imported here, so the browser (which
// receives only the reader's catalog from the layout) never bundles both languages' texts.

export type Messages = Record<MessageKey, string>;
export type Vars = Record<string, string | number>;

/** A value in a server message: a literal (a name, a count) or another key, such as a field's label. */
export type MessageVar = string | number | { key: MessageKey };
export type MessageVars = Record<string, MessageVar>;

/**
 * A message a service wrote for a person: its English text (what the API says) and, when it has one, the key
 * and values the dashboard translates it from. Plain data, so it crosses the server-action boundary.
 */
export type LocalizableMessage = { message: string; messageKey?: MessageKey; messageVars?: MessageVars };

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * Renders a key with its values from one catalog; values that are keys are rendered from the same catalog
 * (or `fallback`, the English, for a key it lacks).
 */
export function renderMessage(messages: Messages, key: MessageKey, vars?: MessageVars, fallback?: Messages): string {
  if (!vars) return interpolate(messages[key]);
  const flat: Vars = {};
  for (const [name, value] of Object.entries(vars)) flat[name] = typeof value === "object" ? (messages[value.key] ?? fallback?.[value.key] ?? value.key) : value;
  return interpolate(messages[key], flat);
}

/**
 * A service's message from this catalog, by its key. A message without a key the catalog knows (a message a
 * dependency wrote) keeps its English rather than disappearing.
 */
export function renderLocalizable(message: LocalizableMessage | string, messages: Messages, fallback?: Messages): string {
  const said = typeof message === "string" ? { message } : message;
  const key = said.messageKey;
  if (!key || !Object.hasOwn(messages, key)) return said.message;
  return renderMessage(messages, key, said.messageVars, fallback);
}
