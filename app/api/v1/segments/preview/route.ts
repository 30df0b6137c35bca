import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { previewSegment } from "@/lib/services/segments";

export const POST = withOrg(async (req, { ctx }) => json(await previewSegment({ ctx, input: await readJson(req) })), { permission: "segments.manage" });
