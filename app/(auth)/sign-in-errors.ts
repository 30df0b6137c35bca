import type { Translate } from "@/lib/i18n/translate";

/** next-auth hands back the code the authorize() callback threw: "unauthorized" or "rate_limited:<seconds>". */
export function signInErrorMessage(code: string | null | undefined, t: Translate): string {
  if (!code) return t("auth.errors.generic");
  if (code === "unauthorized" || code === "CredentialsSignin") return t("auth.errors.invalidCredentials");
  const limited = /^rate_limited(?::(\d+))?$/.exec(code);
  if (limited) return t("auth.errors.rateLimited", { minutes: Math.max(1, Math.ceil(Number(limited[1] ?? 900) / 60)) });
  return t("auth.errors.generic");
}

/** Only same-site paths are followed after sign-in. */
export function safeCallback(url: string | null | undefined, fallback = "/"): string {
  if (!url) return fallback;
  try {
    const parsed = new URL(url, "http://x");
    if (url.startsWith("/") && !url.startsWith("//")) return parsed.pathname + parsed.search;
    if (typeof window !== "undefined" && parsed.origin === window.location.origin) return parsed.pathname + parsed.search;
  } catch {}
  return fallback;
}
