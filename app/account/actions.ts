"use server";

import { reissueSession } from "@/lib/auth/reissue-session";
import { requestClientIp } from "@/lib/http/request-ip";
import { changePassword, requestEmailChange, updateName } from "@/lib/services/accounts";
import { userAction } from "@/lib/tenancy/action";

export async function updateNameAction(values: Record<string, string>) {
  return userAction((user) => updateName({ user, input: values }));
}

/** Mails a link to the new address; the account keeps its address until the link is used. */
export async function changeEmailAction(values: Record<string, string>) {
  return userAction(async (user) => requestEmailChange({ user, input: values, ip: await requestClientIp() }));
}

/**
 * Every other session ends with the change; this one is stamped with the new session generation so it goes
 * on. Should the stamp fail (no session cookie to renew), the page sends the user to sign in again.
 */
export async function changePasswordAction(values: Record<string, string>) {
  return userAction(async (user) => {
    const { sessionVersion } = await changePassword({ user, input: values, ip: await requestClientIp() });
    return { stillSignedIn: await reissueSession(sessionVersion) };
  });
}
