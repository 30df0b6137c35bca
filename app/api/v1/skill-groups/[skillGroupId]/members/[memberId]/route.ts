import { pathId } from "@/lib/api/path-id";
import { noContent } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { removeSkillGroupMember } from "@/lib/services/skill-groups";

export const DELETE = withOrg<{ skillGroupId: string; memberId: string }>(
  async (_req, { ctx, params }) => {
    const skillGroupId = pathId(params.skillGroupId, "skillGroups.errors.notFound");
    await removeSkillGroupMember({ ctx, skillGroupId, membershipId: pathId(params.memberId, "members.errors.notFound") });
    return noContent();
  },
  { permission: "skillGroups.manage" },
);
