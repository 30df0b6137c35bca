"use server";

import { revalidatePath } from "next/cache";
import { createSegment, deleteSegment, previewSegment, updateSegment } from "@/lib/services/segments";
import { orgAction } from "@/lib/tenancy/action";

const audiencesPath = (slug: string) => `/o/${slug}/audiences`;

export async function createSegmentAction(orgSlug: string, input: unknown) {
  return orgAction(orgSlug, "segments.manage", async (ctx) => {
    const segment = await createSegment({ ctx, input });
    revalidatePath(audiencesPath(ctx.org.slug));
    return { id: segment.id };
  });
}

export async function updateSegmentAction(orgSlug: string, segmentId: string, input: unknown) {
  return orgAction(orgSlug, "segments.manage", async (ctx) => {
    await updateSegment({ ctx, segmentId, input });
    revalidatePath(audiencesPath(ctx.org.slug));
    return null;
  });
}

export async function deleteSegmentAction(orgSlug: string, segmentId: string) {
  return orgAction(orgSlug, "segments.manage", async (ctx) => {
    await deleteSegment({ ctx, segmentId });
    revalidatePath(audiencesPath(ctx.org.slug));
    return null;
  });
}

/** The form's live count of the definition being edited (rate-limited per member by the service). */
export async function previewSegmentAction(orgSlug: string, definition: unknown) {
  return orgAction(orgSlug, "segments.manage", (ctx) => previewSegment({ ctx, input: { definition } }));
}
