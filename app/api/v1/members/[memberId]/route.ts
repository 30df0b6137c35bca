import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { getMember, removeMember, updateMemberRole } from "@/lib/services/members";

type Params = { memberId: string };

export const GET = withOrg<Params>(
  async (_req, { ctx, params }) => json(await getMember({ ctx, membershipId: pathId(params.memberId, "members.errors.notFound") })),
  { permission: "members.read" },
);

export const PATCH = withOrg<Params>(
  async (req, { ctx, params }) => {
    const membershipId = pathId(params.memberId, "members.errors.notFound");
    return json(await updateMemberRole({ ctx, membershipId, input: await readJson(req) }));
  },
  { permission: "members.manage" },
);

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await removeMember({ ctx, membershipId: pathId(params.memberId, "members.errors.notFound") });
    return noContent();
  },
  { permission: "members.manage" },
);
