import type { Channel } from "@/lib/services/channels/schemas";
import { listChannels } from "@/lib/services/channels";
import { listSkillGroups } from "@/lib/services/skill-groups";
import type { SkillGroup } from "@/lib/services/skill-groups/schemas";
import type { OrgContext } from "@/lib/tenancy/context";

/** Every live channel of the organisation (the service pages by 100). */
export async function listAllChannels(ctx: OrgContext): Promise<Channel[]> {
  const all: Channel[] = [];
  let cursor: string | undefined;
  do {
    const page = await listChannels({ ctx, input: { limit: 100, cursor } });
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export async function listAllSkillGroups(ctx: OrgContext): Promise<SkillGroup[]> {
  const all: SkillGroup[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSkillGroups({ ctx, input: { limit: 100, cursor } });
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
