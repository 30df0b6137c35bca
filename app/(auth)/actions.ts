"use server";

import { acceptInvitation } from "@/lib/services/members/accept-invitation";
import { signUp } from "@/lib/services/organizations/sign-up";
import { publicAction } from "@/lib/tenancy/action";

/** Creates the account and its first organisation; the browser then signs in with the same credentials. */
export async function signUpAction(values: Record<string, string>) {
  return publicAction(async () => {
    const { orgSlug, email } = await signUp(values);
    return { orgSlug, email };
  });
}

export async function acceptInvitationAction(token: string, values: Record<string, string>) {
  return publicAction(async () => {
    const { orgSlug, email } = await acceptInvitation({ token, input: { name: values.name ?? "", password: values.password ?? "" } });
    return { orgSlug, email };
  });
}
