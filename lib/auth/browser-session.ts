/**
 * Signing in and out from the browser, by next-auth's own HTTP endpoints (what `next-auth/react`'s signIn and
 * signOut do, without shipping that client, 11-14 KB gzip, to every page that has a sign-out button).
 * Browser-only: it uses fetch on relative URLs and `window.location`.
 */

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return csrfToken;
}

async function postForm(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string | undefined }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  return { response, url };
}

/**
 * Email and password against the credentials provider, staying on the page. Answers null when signed in,
 * else next-auth's error code (what authorize() threw: "unauthorized", "rate_limited:<seconds>"...).
 */
export async function signInWithCredentials(email: string, password: string): Promise<{ error: string | null }> {
  const { response, url } = await postForm("/api/auth/callback/credentials", { email, password, callbackUrl: window.location.href });
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : null;
  if (error) return { error };
  return { error: response.ok && url ? null : "generic" };
}

/** Ends the session (the server clears the cookie) and opens `callbackUrl`, a same-site path. */
export async function signOutTo(callbackUrl: string): Promise<void> {
  const { url } = await postForm("/api/auth/signout", { callbackUrl });
  window.location.href = url ?? callbackUrl;
}
