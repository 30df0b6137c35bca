import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { resolveUserOrgContext } from "@/lib/tenancy/context";

/**
 * Every page and layout under /o/[orgSlug] starts here: the session, then membership of the organisation
 * the slug names, re-read from the database on every request (the slug only selects; layouts are not
 * re-run on client navigation, so pages call this too). Not a member, or no such organisation: 404.
 * Memoised per request, so the layout and the page share one lookup.
 */
export const orgPageContext = cache(async (orgSlug: string) => {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${orgSlug}`)}`);
  try {
    const ctx = await resolveUserOrgContext(user, orgSlug);
    return { user, ctx };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
