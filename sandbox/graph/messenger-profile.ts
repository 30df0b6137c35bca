/**
 * The Messenger Profile API (POST/GET/DELETE /me/messenger_profile, Page token) with the validation Meta
 * documents for the fields the desk uses: get_started (payload <= 1000), greeting (one text per locale, <= 160
 * characters, the `default` locale required), persistent_menu (the `default` locale required, at most 20
 * top-level items per locale (nesting is not emulated), titles <= 30, and only while a Get Started button is
 * set). Errors are Meta's (#100) envelope. The simulated users see the result (sandbox/users/simulator.ts).
 */
import type { SandboxMenuItem, SandboxMessengerProfile, SandboxPage } from "../state/types";
import type { GraphContext } from "./context";
import { graphErrors } from "./graph-error";
import { jsonParam } from "./json-param";
import type { GraphResponse } from "./routes";

export const PROFILE_FIELDS = ["get_started", "greeting", "persistent_menu"] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];
// Fields Meta knows but the sandbox does not emulate: accepted and ignored, as a real Page would keep them.
const OTHER_KNOWN_FIELDS = new Set(["ice_breakers", "whitelisted_domains", "account_linking_url", "home_url", "subject_to_new_eu_privacy_rules", "title", "description"]);
const MAX_MENU_ITEMS = 20;

const bad = (detail: string) => graphErrors.invalidParameter(detail);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function profileOf(page: SandboxPage): SandboxMessengerProfile {
  return (page.messengerProfile ??= {});
}

export function handleMessengerProfile(ctx: GraphContext, page: SandboxPage, method: string, params: Record<string, unknown>): GraphResponse {
  const profile = profileOf(page);
  if (method === "GET") {
    const raw = params.fields;
    if (typeof raw !== "string" || !raw.trim()) throw bad("The parameter fields is required");
    const fields = raw.split(",").map((f) => f.trim());
    for (const field of fields) if (!(PROFILE_FIELDS as readonly string[]).includes(field) && !OTHER_KNOWN_FIELDS.has(field)) throw bad(`Param fields[${fields.indexOf(field)}] must be one of {${[...PROFILE_FIELDS, ...OTHER_KNOWN_FIELDS].join(", ").toUpperCase()}} - got "${field}"`);
    const data = Object.fromEntries(fields.filter((f): f is ProfileField => (PROFILE_FIELDS as readonly string[]).includes(f) && profile[f as ProfileField] !== undefined).map((f) => [f, profile[f]]));
    return { status: 200, body: { data: Object.keys(data).length ? [data] : [] } };
  }
  if (method === "DELETE") {
    const fields = jsonParam(params.fields);
    if (!Array.isArray(fields) || fields.length === 0) throw bad("The parameter fields is required");
    for (const [i, field] of fields.entries()) if (typeof field !== "string" || (!(PROFILE_FIELDS as readonly string[]).includes(field) && !OTHER_KNOWN_FIELDS.has(field))) throw bad(`Param fields[${i}] must be one of {${PROFILE_FIELDS.join(", ").toUpperCase()}} - got "${String(field)}"`);
    const removing = new Set(fields as string[]);
    if (removing.has("get_started") && profile.persistent_menu && !removing.has("persistent_menu")) throw bad("You must delete the persistent menu before deleting the get started button.");
    for (const field of removing) delete profile[field as ProfileField];
    ctx.store.touch();
    return { status: 200, body: { result: "success" } };
  }
  if (method !== "POST") throw graphErrors.unknownPath("messenger_profile");

  const next: SandboxMessengerProfile = { ...profile };
  let any = false;
  for (const [key, rawValue] of Object.entries(params)) {
    if (key === "access_token" || key === "method") continue;
    const value = jsonParam(rawValue);
    if (key === "get_started") {
      if (!isObject(value) || typeof value.payload !== "string" || value.payload.length === 0) throw bad("param get_started must be an object with a non-empty payload");
      if (value.payload.length > 1000) throw bad("param get_started[payload] must be at most 1000 characters");
      next.get_started = { payload: value.payload };
    } else if (key === "greeting") next.greeting = parseGreeting(value);
    else if (key === "persistent_menu") next.persistent_menu = parseMenu(value);
    else if (!OTHER_KNOWN_FIELDS.has(key)) throw bad(`Invalid keys "${key}" were found in param "name_placeholder".`);
    any = true;
  }
  if (!any) throw bad("must specify at least one of the following fields: get_started, greeting, persistent_menu");
  if (next.persistent_menu && !next.get_started) throw bad("You must set a Get Started button if you also wish to use persistent menu.");
  page.messengerProfile = next;
  ctx.store.touch();
  return { status: 200, body: { result: "success" } };
}

function localeOk(locale: unknown): locale is string {
  return typeof locale === "string" && (locale === "default" || /^[a-z]{2}_[A-Z]{2}$/.test(locale));
}

function parseGreeting(value: unknown): NonNullable<SandboxMessengerProfile["greeting"]> {
  if (!Array.isArray(value) || value.length === 0) throw bad("param greeting must be a non-empty array");
  const seen = new Set<string>();
  const greeting = value.map((entry, i) => {
    if (!isObject(entry) || !localeOk(entry.locale)) throw bad(`param greeting[${i}][locale] must be "default" or a supported locale such as zh_CN`);
    if (typeof entry.text !== "string" || entry.text.length === 0) throw bad(`param greeting[${i}][text] must be a non-empty string`);
    if (entry.text.length > 160) throw bad(`param greeting[${i}][text] must be at most 160 characters`);
    if (seen.has(entry.locale)) throw bad(`param greeting has more than one entry for locale ${entry.locale}`);
    seen.add(entry.locale);
    return { locale: entry.locale, text: entry.text };
  });
  if (!seen.has("default")) throw bad("param greeting must contain the default locale");
  return greeting;
}

function parseMenu(value: unknown): NonNullable<SandboxMessengerProfile["persistent_menu"]> {
  if (!Array.isArray(value) || value.length === 0) throw bad("param persistent_menu must be a non-empty array");
  const seen = new Set<string>();
  const menus = value.map((menu, i) => {
    if (!isObject(menu) || !localeOk(menu.locale)) throw bad(`param persistent_menu[${i}][locale] must be "default" or a supported locale such as zh_CN`);
    if (seen.has(menu.locale)) throw bad(`param persistent_menu has more than one menu for locale ${menu.locale}`);
    seen.add(menu.locale);
    const disabled = menu.composer_input_disabled ?? false;
    if (typeof disabled !== "boolean") throw bad(`param persistent_menu[${i}][composer_input_disabled] must be a boolean`);
    const actions = menu.call_to_actions;
    if (!Array.isArray(actions) || actions.length === 0) {
      if (disabled) throw bad("A persistent menu with composer_input_disabled must have call_to_actions.");
      throw bad(`param persistent_menu[${i}][call_to_actions] must be a non-empty array`);
    }
    if (actions.length > MAX_MENU_ITEMS) throw bad(`param persistent_menu[${i}][call_to_actions] must have at most ${MAX_MENU_ITEMS} items`);
    const items = actions.map((item, j): SandboxMenuItem => {
      const where = `persistent_menu[${i}][call_to_actions][${j}]`;
      if (!isObject(item)) throw bad(`param ${where} must be an object`);
      if (typeof item.title !== "string" || item.title.length === 0) throw bad(`param ${where}[title] must be a non-empty string`);
      if (item.title.length > 30) throw bad(`param ${where}[title] must be at most 30 characters`);
      if (item.type === "postback") {
        if (typeof item.payload !== "string" || item.payload.length === 0) throw bad(`param ${where}[payload] must be a non-empty string`);
        if (item.payload.length > 1000) throw bad(`param ${where}[payload] must be at most 1000 characters`);
        return { type: "postback", title: item.title, payload: item.payload };
      }
      if (item.type === "web_url") {
        if (typeof item.url !== "string" || !/^https?:\/\/\S+$/.test(item.url)) throw bad(`param ${where}[url] must be a valid URL`);
        return { type: "web_url", title: item.title, url: item.url, ...(typeof item.webview_height_ratio === "string" ? { webview_height_ratio: item.webview_height_ratio } : {}) };
      }
      if (item.type === "nested") throw bad(`param ${where}[type] nested menus are no longer supported`);
      throw bad(`param ${where}[type] must be one of {WEB_URL, POSTBACK}`);
    });
    return { locale: menu.locale, composer_input_disabled: disabled, call_to_actions: items };
  });
  if (!seen.has("default")) throw bad("param persistent_menu must contain the default locale");
  return menus;
}

/** The menu a person sees: the one for their locale (zh_CN), else the default. */
export function menuFor(page: SandboxPage, locale: string): SandboxMenuItem[] {
  const menus = profileOf(page).persistent_menu ?? [];
  return (menus.find((m) => m.locale === locale) ?? menus.find((m) => m.locale === "default"))?.call_to_actions ?? [];
}

/** The greeting a person sees on a new thread, by the same rule. */
export function greetingFor(page: SandboxPage, locale: string): string | null {
  const greetings = profileOf(page).greeting ?? [];
  return (greetings.find((g) => g.locale === locale) ?? greetings.find((g) => g.locale === "default"))?.text ?? null;
}
