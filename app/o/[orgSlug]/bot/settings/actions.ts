"use server";

import { revalidatePath } from "next/cache";
import { putBotConfig } from "@/lib/services/bot";
import { orgAction } from "@/lib/tenancy/action";

export async function saveBotConfigAction(orgSlug: string, scope: { scope: "skill_group" | "channel"; id: string }, input: unknown) {
  return orgAction(orgSlug, "bot.manage", async (ctx) => {
    const config = await putBotConfig({ ctx, scope: scope.scope === "skill_group" ? { skillGroupId: scope.id } : { channelId: scope.id }, input });
    revalidatePath(`/o/${ctx.org.slug}/bot/settings`);
    return { id: config.id };
  });
}
