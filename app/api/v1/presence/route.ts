import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { getMyPresence, publishDeskEvents, setPresence } from "@/lib/services/routing";
import { withActingMembership } from "@/lib/tenancy/acting-member";

/** The presence of the member the key acts for (its creator). */
export const GET = withOrg(
  async (_req, { ctx }) => {
    const { skillGroupIds: _groups, ...presence } = await getMyPresence({ ctx: await withActingMembership(ctx) });
    return json(presence);
  },
  { permission: "conversations.read" },
);

export const PUT = withOrg(
  async (req, { ctx }) => {
    const { presence, events } = await setPresence({ ctx: await withActingMembership(ctx), input: await readJson(req) });
    await publishDeskEvents(events);
    return json(presence);
  },
  { permission: "conversations.reply" },
);
