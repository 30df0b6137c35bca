import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { pageQuerySchema } from "@/lib/pagination";
import { listMembers } from "@/lib/services/members";

export const GET = withOrg(async (_req, { ctx, query }) => json(await listMembers({ ctx, input: query })), {
  permission: "members.read",
  query: pageQuerySchema,
});
