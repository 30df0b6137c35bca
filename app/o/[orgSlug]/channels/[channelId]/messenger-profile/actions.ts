"use server";

import { revalidatePath } from "next/cache";
import { saveMessengerProfile, type MessengerProfileInput } from "@/lib/services/messenger-profile";
import { orgAction } from "@/lib/tenancy/action";

export async function saveMessengerProfileAction(orgSlug: string, channelId: string, input: MessengerProfileInput) {
  return orgAction(orgSlug, "bot.manage", async (ctx) => {
    const profile = await saveMessengerProfile({ ctx, channelId, input });
    revalidatePath(`/o/${ctx.org.slug}/channels/${channelId}/messenger-profile`);
    return profile;
  });
}
