import { and, eq } from "drizzle-orm";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { getSessionUser } from "@/lib/auth/session";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";
import { isLocale, type Locale } from "./locales";

/**
 * The language of a signed-in user who has not picked one in this browser (no cookie): their saved choice
 * (users.locale), else, on an organisation's pages, that organisation's default language, when they are a
 * member (to anyone else the organisation is unknown, so it must not change their page). Null: the browser's
 * Accept-Language decides.
 */
export const memberDefaultLocale = cache(async (): Promise<Locale | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const db = await getDb();
  const [saved] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id));
  if (isLocale(saved?.locale)) return saved.locale;
  const slug = /^\/o\/([^/?#]+)/.exec((await headers()).get(REQUEST_PATH_HEADER) ?? "")?.[1];
  if (!slug) return null;
  const [org] = await db
    .select({ defaultLocale: organizations.defaultLocale })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, user.id)))
    .where(eq(organizations.slug, decodeURIComponent(slug)));
  return isLocale(org?.defaultLocale) ? org.defaultLocale : null;
});
