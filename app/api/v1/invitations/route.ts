import { json } from "@/lib/api/respond";
import { unpaged } from "@/lib/api/unpaged";
import { readJson, withOrg } from "@/lib/api/with-org";
import { inviteMember, listInvitations } from "@/lib/services/members";

export const GET = withOrg(async (_req, { ctx }) => json(unpaged(await listInvitations({ ctx }))), { permission: "members.manage" });

export const POST = withOrg(async (req, { ctx }) => json(await inviteMember({ ctx, input: await readJson(req) }), 201), {
  permission: "members.manage",
});
