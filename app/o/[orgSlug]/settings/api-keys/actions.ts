"use server";

import { revalidatePath } from "next/cache";
import { createApiKey, revokeApiKey } from "@/lib/services/api-keys";
import { orgAction } from "@/lib/tenancy/action";

const keysPath = (slug: string) => `/o/${slug}/settings/api-keys`;

/** The secret is returned to the browser this once and never again. */
export async function createApiKeyAction(orgSlug: string, values: Record<string, string>) {
  return orgAction(orgSlug, "apiKeys.manage", async (ctx) => {
    const { apiKey, secret } = await createApiKey({ ctx, input: { name: values.name ?? "", role: values.role || undefined } });
    revalidatePath(keysPath(ctx.org.slug));
    return { name: apiKey.name, secret };
  });
}

export async function revokeApiKeyAction(orgSlug: string, apiKeyId: string) {
  return orgAction(orgSlug, "apiKeys.manage", async (ctx) => {
    await revokeApiKey({ ctx, apiKeyId });
    revalidatePath(keysPath(ctx.org.slug));
    return null;
  });
}
