import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { updateContactAttributes } from "@/lib/services/contacts";
import { withActingMembership } from "@/lib/tenancy/acting-member";

export const PATCH = withOrg<{ contactId: string }>(
  async (req, { ctx, params }) => {
    const contactId = pathId(params.contactId, "contacts.errors.notFound");
    return json(await updateContactAttributes({ ctx: await withActingMembership(ctx), contactId, input: await readJson(req) }));
  },
  { permission: "conversations.reply" },
);
