import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { deleteLabel, updateLabel } from "@/lib/services/labels";

type Params = { labelId: string };

export const PATCH = withOrg<Params>(
  async (req, { ctx, params }) => {
    const labelId = pathId(params.labelId, "labels.errors.notFound");
    return json(await updateLabel({ ctx, labelId, input: await readJson(req) }));
  },
  { permission: "labels.manage" },
);

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await deleteLabel({ ctx, labelId: pathId(params.labelId, "labels.errors.notFound") });
    return noContent();
  },
  { permission: "labels.manage" },
);
