import type { Channel } from "@/lib/services/channels/schemas";
import { listChannels } from "@/lib/services/channels";
import { listSkillGroups } from "@/lib/services/skill-groups";
import type { SkillGroup } from "@/lib/services/skill-groups/schemas";
import type { OrgContext } from "@/lib/tenancy/context";
import { allPages } from "../all-pages";

/** Every live channel of the organisation. */
export function listAllChannels(ctx: OrgContext): Promise<Channel[]> {
  return allPages((input) => listChannels({ ctx, input }));
}

export function listAllSkillGroups(ctx: OrgContext): Promise<SkillGroup[]> {
  return allPages((input) => listSkillGroups({ ctx, input }));
}
