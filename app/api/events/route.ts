import { withOrg } from "@/lib/api/with-org";
import { getRealtimeHub, eventStreamResponse, personalDelivery, type RealtimeEvent } from "@/lib/realtime";
import { actingUserId } from "@/lib/tenancy/context";
import { listConversationChannelIds } from "@/lib/services/conversations";

// A stream stays open for as long as the tab does; never cache or prerender it.
export const dynamic = "force-dynamic";

/** How often an agent's channel scope is read again, so a change of skill groups reaches open streams. */
const SCOPE_REFRESH_MS = 60_000;

/**
 * GET /api/events?org=<slug>: the dashboard's live updates (server-sent events), for signed-in members who
 * may read conversations. Each event names what changed (a conversation, a message, a member's presence);
 * the page refetches it through its usual reads. Agents hear only of their skill groups' channels, the same
 * scope as their conversation list. Streams are capped per user and per instance (hub.ts).
 */
export const GET = withOrg(
  async (req, { ctx }) => {
    let channelIds = await listConversationChannelIds({ ctx });
    let readAt = Date.now();
    const me = ctx.membershipId;
    const accepts = (event: RealtimeEvent) => {
      const personal = personalDelivery(event, me);
      if (personal !== null) return personal;
      if (Date.now() - readAt > SCOPE_REFRESH_MS) {
        readAt = Date.now();
        void listConversationChannelIds({ ctx }).then(
          (ids) => (channelIds = ids),
          () => undefined,
        );
      }
      if (channelIds === null) return true;
      if (event.channelId) return channelIds.includes(event.channelId);
      // A conversation's assignment without its channel: the agents it was given to or taken from hear of it.
      if (event.type === "conversation.updated") return me !== null && (event.assigneeMembershipId === me || event.previousAssigneeMembershipId === me);
      return true;
    };
    return eventStreamResponse({ hub: getRealtimeHub(), orgId: ctx.org.id, userId: actingUserId(ctx) ?? ctx.actor.label, accepts, signal: req.signal });
  },
  { permission: "conversations.read" },
);
