"use server";

import { revalidatePath } from "next/cache";
import { createLabel, deleteLabel, updateLabel } from "@/lib/services/labels";
import { orgAction } from "@/lib/tenancy/action";

const labelsPath = (slug: string) => `/o/${slug}/settings/labels`;

export async function createLabelAction(orgSlug: string, values: Record<string, string>) {
  return orgAction(orgSlug, "labels.manage", async (ctx) => {
    const label = await createLabel({ ctx, input: { name: values.name ?? "", color: values.color || undefined, description: values.description ?? "" } });
    revalidatePath(labelsPath(ctx.org.slug));
    return { id: label.id };
  });
}

export async function updateLabelAction(orgSlug: string, labelId: string, values: Record<string, string>) {
  return orgAction(orgSlug, "labels.manage", async (ctx) => {
    await updateLabel({ ctx, labelId, input: { name: values.name ?? "", color: values.color || undefined, description: values.description ?? "" } });
    revalidatePath(labelsPath(ctx.org.slug));
    return null;
  });
}

export async function deleteLabelAction(orgSlug: string, labelId: string) {
  return orgAction(orgSlug, "labels.manage", async (ctx) => {
    await deleteLabel({ ctx, labelId });
    revalidatePath(labelsPath(ctx.org.slug));
    return null;
  });
}
