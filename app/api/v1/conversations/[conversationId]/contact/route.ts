import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { getContactPanel } from "@/lib/services/contacts";
import { withActingMembership } from "@/lib/tenancy/acting-member";

export const GET = withOrg<{ conversationId: string }>(
  async (_req, { ctx, params }) => json(await getContactPanel({ ctx: await withActingMembership(ctx), conversationId: pathId(params.conversationId, "routing.errors.conversationNotFound") })),
  { permission: "conversations.read" },
);
