import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { REQUEST_PATH_HEADER, withOrgSlug } from "@/lib/http/request-path";
import { resolveSlugRedirect } from "@/lib/services/organizations";
import { resolveUserOrgContext } from "@/lib/tenancy/context";

/**
 * Every page and layout under /o/[orgSlug] starts here: the session, then membership of the organisation
 * the slug names, re-read from the database on every request (the slug only selects; layouts are not
 * re-run on client navigation, so pages call this too). Not a member, or no such organisation: 404.
 * A slug the organisation used before sends its members to the same page under the current slug (307, as
 * the slug may be taken back); to anyone else it is as unknown as any other. Memoised per request, so the
 * layout and the page share one lookup.
 */
export const orgPageContext = cache(async (orgSlug: string) => {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${orgSlug}`)}`);
  try {
    const ctx = await resolveUserOrgContext(user, orgSlug);
    return { user, ctx };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const current = await resolveSlugRedirect({ userId: user.id, slug: orgSlug });
    if (current) redirect(withOrgSlug((await headers()).get(REQUEST_PATH_HEADER), orgSlug, current));
    notFound();
  }
});
