import { readQuery } from "@/lib/api/query";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { pageQuerySchema } from "@/lib/pagination";
import { listSkillGroups, createSkillGroup } from "@/lib/services/skill-groups";

export const GET = withOrg(async (req, { ctx }) => json(await listSkillGroups({ ctx, input: readQuery(req, pageQuerySchema) })), {
  permission: "members.read",
});

export const POST = withOrg(async (req, { ctx }) => json(await createSkillGroup({ ctx, input: await readJson(req) }), 201), {
  permission: "skillGroups.manage",
});
