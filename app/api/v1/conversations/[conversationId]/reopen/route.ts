import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { reopenConversation, publishDeskEvents } from "@/lib/services/routing";
import { withActingMembership } from "@/lib/tenancy/acting-member";

export const POST = withOrg<{ conversationId: string }>(
  async (_req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "routing.errors.conversationNotFound");
    const { conversation, events } = await reopenConversation({ ctx: await withActingMembership(ctx), conversationId });
    await publishDeskEvents(events);
    return json(conversation);
  },
  { permission: "conversations.reply" },
);
