import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { getSkillGroup, deleteSkillGroup, updateSkillGroup } from "@/lib/services/skill-groups";

type Params = { skillGroupId: string };

export const GET = withOrg<Params>(
  async (_req, { ctx, params }) => json(await getSkillGroup({ ctx, skillGroupId: pathId(params.skillGroupId, "skillGroups.errors.notFound") })),
  { permission: "members.read" },
);

export const PATCH = withOrg<Params>(
  async (req, { ctx, params }) => {
    const skillGroupId = pathId(params.skillGroupId, "skillGroups.errors.notFound");
    return json(await updateSkillGroup({ ctx, skillGroupId, input: await readJson(req) }));
  },
  { permission: "skillGroups.manage" },
);

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await deleteSkillGroup({ ctx, skillGroupId: pathId(params.skillGroupId, "skillGroups.errors.notFound") });
    return noContent();
  },
  { permission: "skillGroups.manage" },
);
