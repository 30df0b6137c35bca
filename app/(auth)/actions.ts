"use server";

import { getSessionUser } from "@/lib/auth/session";
import { UnauthorizedError } from "@/lib/errors";
import { requestClientIp } from "@/lib/http/request-ip";
import { signUp, resendVerificationEmail, verifyEmail } from "@/lib/services/accounts";
import { acceptInvitation } from "@/lib/services/members";
import { publicAction } from "@/lib/tenancy/action";

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
    const { orgSlug } = await verifyEmail({ token });
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
