"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { BadRequestError } from "@/lib/errors";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { publicAction } from "@/lib/tenancy/action";

/** Remembers the chosen interface language (also before sign-in, hence a public action). */
export async function setLocaleAction(locale: string) {
  return publicAction(async () => {
    if (!isLocale(locale)) throw new BadRequestError("errors.unknownLanguage");
    const store = await cookies();
    store.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: false });
    revalidatePath("/", "layout");
    return { locale };
  });
}
