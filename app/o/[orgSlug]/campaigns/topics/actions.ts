"use server";

import { revalidatePath } from "next/cache";
import { createTopic, deleteTopic, listContactTopics, registerTopic, requestTopicOptin } from "@/lib/services/topics";
import { orgAction } from "@/lib/tenancy/action";
import { can } from "@/lib/tenancy/context";

const topicsPath = (slug: string) => `/o/${slug}/campaigns/topics`;

export async function createTopicAction(orgSlug: string, input: unknown) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    const topic = await createTopic({ ctx, input });
    revalidatePath(topicsPath(ctx.org.slug));
    return { id: topic.id };
  });
}

export async function deleteTopicAction(orgSlug: string, topicId: string) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    await deleteTopic({ ctx, topicId });
    revalidatePath(topicsPath(ctx.org.slug));
    return null;
  });
}

/** The registration step: the opt-in request to the admin's own Messenger account. */
export async function registerTopicAction(orgSlug: string, topicId: string, contactId: string) {
  return orgAction(orgSlug, "campaigns.manage", async (ctx) => {
    const topic = await registerTopic({ ctx, topicId, input: { contactId } });
    revalidatePath(`${topicsPath(ctx.org.slug)}/${topicId}`);
    return { registration: topic.registration };
  });
}

/** Opt-in requests to a segment's people, everyone in the window, or named contacts (the contact panel). */
export async function requestTopicOptinAction(orgSlug: string, topicId: string, input: unknown) {
  return orgAction(orgSlug, "campaigns.manage", (ctx) => requestTopicOptin({ ctx, topicId, input }));
}

/** The contact panel's "Ask to subscribe to a topic": the registered topics of the contact's Page (managers only; others see none). */
export async function contactTopicsAction(orgSlug: string, contactId: string) {
  return orgAction(orgSlug, null, async (ctx) => (can(ctx, "campaigns.manage") ? (await listContactTopics({ ctx, contactId })).map((t) => ({ id: t.id, title: t.title })) : []));
}
