"use server";

import { after } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { UnauthorizedError } from "@/lib/errors";
import { requestClientIp } from "@/lib/http/request-ip";
import { getLocale } from "@/lib/i18n/server";
import { confirmEmailChange, requestPasswordReset, resetPassword, signUp, resendVerificationEmail, verifyEmail } from "@/lib/services/accounts";
import { acceptInvitation } from "@/lib/services/members";
import { publicAction, userAction } from "@/lib/tenancy/action";
import { landingPath } from "../landing";

/** Creates the unverified account and mails the link; the browser then signs in with the same credentials. */
export async function signUpAction(values: Record<string, string>) {
  return publicAction(async () => {
    const { email } = await signUp(values, { ip: await requestClientIp() });
    return { email };
  });
}

export async function resendVerificationAction() {
  return publicAction(async () => {
    const user = await getSessionUser();
    if (!user) throw new UnauthorizedError("errors.signInAgain");
    const { email } = await resendVerificationEmail({ user, ip: await requestClientIp() });
    return { email };
  });
}

/** The token is the proof: it works signed in or out (the page then goes to the organisation or to sign-in). */
export async function verifyEmailAction(token: string) {
  return publicAction(async () => {
    const { orgSlug } = await verifyEmail({ token, locale: await getLocale() });
    return { orgSlug };
  });
}

export async function acceptInvitationAction(token: string, values: Record<string, string>) {
  return publicAction(async () => {
    const user = await getSessionUser();
    const { orgSlug, email, newAccount } = await acceptInvitation({ token, user, input: { name: values.name ?? "", password: values.password ?? "" } });
    return { orgSlug, email, newAccount };
  });
}

/** Right after sign-in: the page the user lands on (their role's page in their first organisation). */
export async function landingAction() {
  return userAction((user) => landingPath(user));
}

/**
 * "Forgot password". The answer is the same whether or not an account has the address; the mail is sent
 * after the answer (next/server `after`), so neither its presence nor its delivery time shows in the reply.
 */
export async function forgotPasswordAction(values: Record<string, string>) {
  return publicAction(async () => {
    const { email } = await requestPasswordReset(values, { ip: await requestClientIp(), schedule: (deliver) => after(deliver) });
    return { email };
  });
}

/** The token is the proof. Every session of the account ends, this browser's too: it signs in anew. */
export async function resetPasswordAction(token: string, values: Record<string, string>) {
  return publicAction(async () => {
    await resetPassword({ token, input: values });
    return {};
  });
}

/** The token is the proof: it works signed in or out (the page then goes to the profile or to sign-in). */
export async function confirmEmailChangeAction(token: string) {
  return publicAction(async () => {
    const { email } = await confirmEmailChange({ token });
    return { email };
  });
}
