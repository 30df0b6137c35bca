"use server";

import { getLocale } from "@/lib/i18n/server";
import { createOrganization } from "@/lib/services/organizations";
import { userAction } from "@/lib/tenancy/action";

export async function createOrganizationAction(values: Record<string, string>) {
  return userAction(async (user) => {
    const org = await createOrganization({ user, input: { name: values.name ?? "" }, locale: await getLocale() });
    return { slug: org.slug };
  });
}
