import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authOptions } from "./options";

const MAX_AGE = authOptions.session?.maxAge ?? 30 * 24 * 3600;

/** next-auth v4's session cookie: `__Secure-` prefixed when the app is served over https. */
function sessionCookie(): { name: string; secure: boolean } {
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}

/**
 * Stamps the current request's session with the account's new session generation, so the session that
 * changed the password stays signed in while every other one is signed out (lib/auth/session.ts). Only
 * called after the change committed, from a server action (it sets the cookie on the response).
 * The token keeps its own session id and claims; only `sv` and the expiry are renewed.
 */
export async function reissueSession(sessionVersion: number): Promise<boolean> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return false;
  const jar = await cookies();
  const { name, secure } = sessionCookie();
  const current = jar.get(name)?.value;
  if (!current) return false;
  const token = await decode({ token: current, secret });
  if (!token) return false;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge: MAX_AGE });
  jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, expires: new Date(Date.now() + MAX_AGE * 1000) });
  return true;
}
