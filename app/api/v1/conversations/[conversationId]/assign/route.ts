import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { assignConversation, publishDeskEvents } from "@/lib/services/routing";
import { withActingMembership } from "@/lib/tenancy/acting-member";

export const POST = withOrg<{ conversationId: string }>(
  async (req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "routing.errors.conversationNotFound");
    const { conversation, events } = await assignConversation({ ctx: await withActingMembership(ctx), conversationId, input: await readJson(req) });
    await publishDeskEvents(events);
    return json(conversation);
  },
  { permission: "conversations.assign" },
);
