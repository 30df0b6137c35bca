import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { unpaged } from "@/lib/api/unpaged";
import { readJson, withOrg } from "@/lib/api/with-org";
import { addSkillGroupMember, listSkillGroupMembers } from "@/lib/services/skill-groups";

type Params = { skillGroupId: string };

export const GET = withOrg<Params>(
  async (_req, { ctx, params }) => json(unpaged(await listSkillGroupMembers({ ctx, skillGroupId: pathId(params.skillGroupId, "skillGroups.errors.notFound") }))),
  { permission: "members.read" },
);

export const POST = withOrg<Params>(
  async (req, { ctx, params }) => {
    const skillGroupId = pathId(params.skillGroupId, "skillGroups.errors.notFound");
    return json(await addSkillGroupMember({ ctx, skillGroupId, input: await readJson(req) }), 201);
  },
  { permission: "skillGroups.manage" },
);
