"use server";

import { revalidatePath } from "next/cache";
import { createSkillGroup, deleteSkillGroup, updateSkillGroup, addSkillGroupMember, removeSkillGroupMember } from "@/lib/services/skill-groups";
import { publishDeskEvents, updateRoutingSettings, type RoutingSettings } from "@/lib/services/routing";
import { orgAction } from "@/lib/tenancy/action";

const groupsPath = (slug: string) => `/o/${slug}/settings/skill-groups`;

export async function createSkillGroupAction(orgSlug: string, values: Record<string, string>) {
  return orgAction(orgSlug, "skillGroups.manage", async (ctx) => {
    const group = await createSkillGroup({ ctx, input: { name: values.name ?? "", description: values.description ?? "" } });
    revalidatePath(groupsPath(ctx.org.slug), "layout");
    return { id: group.id };
  });
}

export async function updateSkillGroupAction(orgSlug: string, skillGroupId: string, values: Record<string, string>) {
  return orgAction(orgSlug, "skillGroups.manage", async (ctx) => {
    await updateSkillGroup({ ctx, skillGroupId, input: { name: values.name ?? "", description: values.description ?? "" } });
    revalidatePath(groupsPath(ctx.org.slug), "layout");
    return null;
  });
}

export async function deleteSkillGroupAction(orgSlug: string, skillGroupId: string) {
  return orgAction(orgSlug, "skillGroups.manage", async (ctx) => {
    await deleteSkillGroup({ ctx, skillGroupId });
    revalidatePath(groupsPath(ctx.org.slug), "layout");
    return null;
  });
}

export async function addSkillGroupMemberAction(orgSlug: string, skillGroupId: string, membershipId: string) {
  return orgAction(orgSlug, "skillGroups.manage", async (ctx) => {
    await addSkillGroupMember({ ctx, skillGroupId, input: { membershipId } });
    revalidatePath(groupsPath(ctx.org.slug), "layout");
    return null;
  });
}

export async function removeSkillGroupMemberAction(orgSlug: string, skillGroupId: string, membershipId: string) {
  return orgAction(orgSlug, "skillGroups.manage", async (ctx) => {
    await removeSkillGroupMember({ ctx, skillGroupId, membershipId });
    revalidatePath(groupsPath(ctx.org.slug), "layout");
    return null;
  });
}

/** The group's routing settings (owners, admins); the queue is drained afterwards and dashboards hear of it. */
export async function updateRoutingSettingsAction(orgSlug: string, skillGroupId: string, input: RoutingSettings) {
  return orgAction(orgSlug, "skillGroups.manage", async (ctx) => {
    const { settings, events } = await updateRoutingSettings({ ctx, skillGroupId, input });
    await publishDeskEvents(events);
    return settings;
  });
}
