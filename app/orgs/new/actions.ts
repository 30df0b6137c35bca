"use server";

import { createOrganization } from "@/lib/services/organizations";
import { userAction } from "@/lib/tenancy/action";

export async function createOrganizationAction(values: Record<string, string>) {
  return userAction(async (user) => {
    const org = await createOrganization({ user, input: { name: values.name ?? "" } });
    return { slug: org.slug };
  });
}
