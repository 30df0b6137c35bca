import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { unsubscribeContact } from "@/lib/services/permissions";

export const POST = withOrg<{ contactId: string }>(
  async (_req, { ctx, params }) => json(await unsubscribeContact({ ctx, contactId: pathId(params.contactId, "contacts.errors.notFound") })),
  { permission: "conversations.reply" },
);
