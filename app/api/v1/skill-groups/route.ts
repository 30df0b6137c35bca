import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { pageQuerySchema } from "@/lib/pagination";
import { listSkillGroups, createSkillGroup } from "@/lib/services/skill-groups";

export const GET = withOrg(async (_req, { ctx, query }) => json(await listSkillGroups({ ctx, input: query })), {
  permission: "members.read",
  query: pageQuerySchema,
});

export const POST = withOrg(async (req, { ctx }) => json(await createSkillGroup({ ctx, input: await readJson(req) }), 201), {
  permission: "skillGroups.manage",
});
