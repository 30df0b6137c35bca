import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { createSegment, listSegments } from "@/lib/services/segments";

// An organisation keeps tens of segments: one page, nextCursor always null.
export const GET = withOrg(async (_req, { ctx }) => json({ data: await listSegments({ ctx }), nextCursor: null }), { permission: "segments.read" });

export const POST = withOrg(async (req, { ctx }) => json(await createSegment({ ctx, input: await readJson(req) }), 201), { permission: "segments.manage" });
