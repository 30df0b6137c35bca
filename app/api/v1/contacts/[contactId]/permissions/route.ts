import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { unpaged } from "@/lib/api/unpaged";
import { withOrg } from "@/lib/api/with-org";
import { listContactPermissions } from "@/lib/services/permissions";

export const GET = withOrg<{ contactId: string }>(
  async (_req, { ctx, params }) => json(unpaged(await listContactPermissions({ ctx, contactId: pathId(params.contactId, "contacts.errors.notFound") }))),
  { permission: "conversations.read" },
);
