import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { DomainError, isDatabaseUnavailable, RateLimitedError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { translateServerMessage, translator } from "@/lib/i18n/translate";
import type { Permission } from "@/lib/permissions";
import { requirePermission, resolveUserOrgContext, type OrgContext } from "./context";
import { logError } from "@/lib/log-error";

export type ActionError = { code: string; message: string; fieldErrors?: Record<string, string[]> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * The server-action choke point. Every exported "use server" function is a public endpoint, so each one
 * goes through here: session, membership of the organisation named by the slug (re-verified, never
 * trusted), permission, then the verb. Errors come back as a result in the user's language; nothing throws
 * to the client and unknown errors never leak.
 */
export async function orgAction<T>(orgSlug: string, permission: Permission | null, run: (ctx: OrgContext) => Promise<T>): Promise<ActionResult<T>> {
  return userAction(async (user) => {
    const ctx = await resolveUserOrgContext(user, orgSlug);
    if (permission) requirePermission(ctx, permission);
    return run(ctx);
  });
}

/** For actions that need a signed-in user but no organisation (create an organisation, choose a language). */
export async function userAction<T>(run: (user: SessionUser) => Promise<T>): Promise<ActionResult<T>> {
  return publicAction(async () => {
    const user = await getSessionUser();
    if (!user) throw new UnauthorizedError("Please sign in again.");
    return run(user);
  });
}

/** For the few actions open without a session (sign-up, accepting an invitation). */
export async function publicAction<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    return { ok: false, error: await toActionError(error) };
  }
}

async function toActionError(error: unknown): Promise<ActionError> {
  const locale = await getLocale();
  const t = translator(locale);
  if (isDatabaseUnavailable(error)) {
    logError("database unreachable; the action answered unavailable", error, "warn");
    return { code: "unavailable", message: t("errors.unavailable") };
  }
  if (error instanceof DomainError) {
    let message = translateServerMessage(error.message, locale);
    if (error.code === "forbidden" && message === error.message) message = t("errors.forbidden");
    if (error instanceof RateLimitedError) message = t("errors.rateLimited", { minutes: Math.ceil(error.retryAfterSeconds / 60) });
    const fieldErrors =
      error instanceof ValidationError
        ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, list]) => [field, list.map((m) => translateServerMessage(m, locale))]))
        : undefined;
    return { code: error.code, message, ...(fieldErrors ? { fieldErrors } : {}) };
  }
  logError("unhandled error in server action", error);
  return { code: "internal_error", message: t("errors.internal") };
}
