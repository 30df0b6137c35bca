"use server";

import { revalidatePath } from "next/cache";
import { connectFacebookPages, startFacebookLogin, type ConnectFacebookPagesInput } from "@/lib/services/facebook-login";
import { orgAction } from "@/lib/tenancy/action";

/**
 * Starts "Connect with Facebook" (or "Reconnect" for a channel) and answers the URL of Meta's login dialog; the
 * browser goes there itself (a full navigation to Meta, which a redirect from an action would route through
 * the client router).
 */
export async function startFacebookLoginAction(orgSlug: string, purpose: "connect" | "reconnect", channelId?: string) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const { dialogUrl } = await startFacebookLogin({ ctx, input: { purpose, channelId } });
    return { dialogUrl };
  });
}

/** The Page picker's submit: one result per chosen Page. */
export async function connectFacebookPagesAction(orgSlug: string, loginId: string, choices: ConnectFacebookPagesInput["choices"]) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const results = await connectFacebookPages({ ctx, loginId, input: { choices } });
    revalidatePath(`/o/${ctx.org.slug}/channels`, "layout");
    return results;
  });
}
