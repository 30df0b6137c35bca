import { pathId } from "@/lib/api/path-id";
import { noContent } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { revokeInvitation } from "@/lib/services/members";

export const DELETE = withOrg<{ invitationId: string }>(
  async (_req, { ctx, params }) => {
    await revokeInvitation({ ctx, invitationId: pathId(params.invitationId, "invite.errors.notFound") });
    return noContent();
  },
  { permission: "members.manage" },
);
