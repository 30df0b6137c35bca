"use server";

import { revalidatePath } from "next/cache";
import { cancelOrganizationDeletion, scheduleOrganizationDeletion, updateOrganization, type UpdateOrganizationInput } from "@/lib/services/organizations";
import { orgAction } from "@/lib/tenancy/action";

/** Every page shows the name, slug and colour (the switcher), so the whole organisation is revalidated. */
const revalidateOrg = (slug: string) => revalidatePath(`/o/${slug}`, "layout");

export async function updateOrganizationAction(orgSlug: string, input: UpdateOrganizationInput) {
  return orgAction(orgSlug, "organization.manage", async (ctx) => {
    const settings = await updateOrganization({ ctx, input });
    revalidateOrg(ctx.org.slug);
    revalidateOrg(settings.slug);
    return settings;
  });
}

export async function scheduleOrganizationDeletionAction(orgSlug: string, input: { confirmation: string }) {
  return orgAction(orgSlug, "organization.delete", async (ctx) => {
    const settings = await scheduleOrganizationDeletion({ ctx, input });
    revalidateOrg(ctx.org.slug);
    return settings;
  });
}

export async function cancelOrganizationDeletionAction(orgSlug: string) {
  return orgAction(orgSlug, "organization.delete", async (ctx) => {
    const settings = await cancelOrganizationDeletion({ ctx });
    revalidateOrg(ctx.org.slug);
    return settings;
  });
}
