import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, isLocale, resolveLocale, type Locale } from "./locales";
import { memberDefaultLocale } from "./member-default-locale";
import { translator, type Translate } from "./translate";

/**
 * The request's interface language: the user's choice in this browser (cookie), else their saved choice or
 * their organisation's default language (memberDefaultLocale), else the browser's Accept-Language.
 */
export async function getLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const chosen = cookieStore.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return (await memberDefaultLocale().catch(() => null)) ?? resolveLocale(undefined, headerList.get("accept-language"));
}

export async function getT(): Promise<{ t: Translate; locale: Locale }> {
  const locale = await getLocale();
  return { t: translator(locale), locale };
}
