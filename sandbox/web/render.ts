/**
 * Fills a page's template in one language: {{lang}} (the html lang attribute), {{messages}} (the language's
 * table, for the page's scripts) and {{<key>}} (one string of sandbox/web/messages.ts, HTML-escaped).
 */
import { SANDBOX_MESSAGES, type SandboxLocale, type SandboxMessageKey } from "./messages";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderPage(template: string, locale: SandboxLocale): string {
  const table = SANDBOX_MESSAGES[locale];
  // Inside <script type="application/json">, only "</" could end the element early.
  const json = JSON.stringify(table).replace(/</g, "\\u003c");
  return template.replace(/\{\{([a-zA-Z.]+)\}\}/g, (_, key: string) => {
    if (key === "lang") return locale;
    if (key === "messages") return json;
    const text = table[key as SandboxMessageKey];
    if (text === undefined) throw new Error(`sandbox page: no message ${key}`);
    return escapeHtml(text);
  });
}
