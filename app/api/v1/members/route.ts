import { readQuery } from "@/lib/api/query";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { pageQuerySchema } from "@/lib/pagination";
import { listMembers } from "@/lib/services/members";

export const GET = withOrg(async (req, { ctx }) => json(await listMembers({ ctx, input: readQuery(req, pageQuerySchema) })), {
  permission: "members.read",
});
