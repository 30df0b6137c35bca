"use server";

import { revalidatePath } from "next/cache";
import { createCannedReply, deleteCannedReply, updateCannedReply } from "@/lib/services/canned-replies";
import { orgAction } from "@/lib/tenancy/action";

const repliesPath = (slug: string) => `/o/${slug}/settings/canned-replies`;

/** What the form holds: the scope select's "" is the whole organisation. */
export type CannedReplyFormValues = { shortcut: string; content: string; skillGroupId: string };
const toInput = (values: CannedReplyFormValues) => ({ shortcut: values.shortcut ?? "", content: values.content ?? "", skillGroupId: values.skillGroupId || null });

export async function createCannedReplyAction(orgSlug: string, values: CannedReplyFormValues) {
  return orgAction(orgSlug, "cannedReplies.manage", async (ctx) => {
    const reply = await createCannedReply({ ctx, input: toInput(values) });
    revalidatePath(repliesPath(ctx.org.slug));
    return { id: reply.id };
  });
}

export async function updateCannedReplyAction(orgSlug: string, cannedReplyId: string, values: CannedReplyFormValues) {
  return orgAction(orgSlug, "cannedReplies.manage", async (ctx) => {
    await updateCannedReply({ ctx, cannedReplyId, input: toInput(values) });
    revalidatePath(repliesPath(ctx.org.slug));
    return null;
  });
}

export async function deleteCannedReplyAction(orgSlug: string, cannedReplyId: string) {
  return orgAction(orgSlug, "cannedReplies.manage", async (ctx) => {
    await deleteCannedReply({ ctx, cannedReplyId });
    revalidatePath(repliesPath(ctx.org.slug));
    return null;
  });
}
