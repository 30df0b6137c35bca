import { NextResponse, type NextRequest } from "next/server";
import { appUrl } from "@/lib/app-url";
import { getSessionUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { logError } from "@/lib/log-error";
import { finishFacebookLogin } from "@/lib/services/facebook-login";

/**
 * Meta's login dialog sends the member back here (the platform app's "Valid OAuth Redirect URI"). The signed-in
 * session is required: without one, the member signs in first and comes back to the same URL (the code lives
 * 10 minutes). The service decides everything; this only turns its answer into a redirect: the Page picker, the
 * reconnected channel, or a page that says what went wrong.
 */
export async function GET(request: NextRequest) {
  const url = new URL(request.url);
  const base = appUrl();
  const user = await getSessionUser();
  if (!user) {
    return NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(`${url.pathname}${url.search}`)}`, base), 303);
  }
  const param = (name: string) => url.searchParams.get(name) ?? undefined;
  try {
    const finished = await finishFacebookLogin({
      user,
      input: { state: param("state"), code: param("code"), error: param("error"), errorReason: param("error_reason"), errorDescription: param("error_description") },
    });
    return NextResponse.redirect(new URL(finished.redirectTo, base), 303);
  } catch (error) {
    let key = "errors.internal";
    if (error instanceof DomainError && error.messageKey) key = error.messageKey;
    else logError("Facebook Login callback failed", error);
    return NextResponse.redirect(new URL(`/facebook/login/failed?reason=${encodeURIComponent(key)}`, base), 303);
  }
}
