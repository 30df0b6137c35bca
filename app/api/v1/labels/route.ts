import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { createLabel, listLabels } from "@/lib/services/labels";

// An organisation has tens of labels: one page, nextCursor always null.
export const GET = withOrg(async (_req, { ctx }) => json({ data: await listLabels({ ctx }), nextCursor: null }), { permission: "conversations.read" });

export const POST = withOrg(async (req, { ctx }) => json(await createLabel({ ctx, input: await readJson(req) }), 201), { permission: "labels.manage" });
