import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { DomainError, isDatabaseUnavailable, UnauthorizedError, ValidationError } from "@/lib/errors";
import { englishMessage, type LocalizableMessage } from "@/lib/i18n/translate";
import type { Permission } from "@/lib/permissions";
import { requirePermission, resolveUserOrgContext, type OrgContext } from "./context";
import { logError } from "@/lib/log-error";

/**
 * A refusal as the dashboard receives it: the English message (as the API words it) with its catalog key and
 * values, and each field's messages the same way. The dashboard translates by key (useI18n().serverMessage).
 */
export type ActionError = LocalizableMessage & { code: string; fieldErrors?: Record<string, LocalizableMessage[]> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * The server-action choke point. Every exported "use server" function is a public endpoint, so each one
 * goes through here: session, membership of the organisation named by the slug (re-verified, never
 * trusted), permission, then the verb. Errors come back as a result carrying their message key, which the
 * dashboard translates; nothing throws to the client and unknown errors never leak.
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
    if (!user) throw new UnauthorizedError("errors.signInAgain");
    return run(user);
  });
}

/** For the few actions open without a session (sign-up, accepting an invitation). */
export async function publicAction<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}

function toActionError(error: unknown): ActionError {
  if (isDatabaseUnavailable(error)) {
    logError("database unreachable; the action answered unavailable", error, "warn");
    return { code: "unavailable", message: englishMessage("errors.unavailable"), messageKey: "errors.unavailable" };
  }
  if (error instanceof DomainError) {
    const fieldErrors = error instanceof ValidationError ? { fieldErrors: error.fieldMessages } : {};
    return { code: error.code, ...error.localizable, ...fieldErrors };
  }
  logError("unhandled error in server action", error);
  return { code: "internal_error", message: englishMessage("errors.internal"), messageKey: "errors.internal" };
}
