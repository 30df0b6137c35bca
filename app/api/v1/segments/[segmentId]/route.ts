import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { deleteSegment, getSegment, updateSegment } from "@/lib/services/segments";

type Params = { segmentId: string };

export const GET = withOrg<Params>(async (_req, { ctx, params }) => json(await getSegment({ ctx, segmentId: pathId(params.segmentId, "segments.errors.notFound") })), { permission: "segments.read" });

export const PATCH = withOrg<Params>(
  async (req, { ctx, params }) => {
    const segmentId = pathId(params.segmentId, "segments.errors.notFound");
    return json(await updateSegment({ ctx, segmentId, input: await readJson(req) }));
  },
  { permission: "segments.manage" },
);

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await deleteSegment({ ctx, segmentId: pathId(params.segmentId, "segments.errors.notFound") });
    return noContent();
  },
  { permission: "segments.manage" },
);
