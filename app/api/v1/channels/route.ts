import { readQuery } from "@/lib/api/query";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { pageQuerySchema } from "@/lib/pagination";
import { listChannels, createChannel } from "@/lib/services/channels";

export const GET = withOrg(async (req, { ctx }) => json(await listChannels({ ctx, input: readQuery(req, pageQuerySchema) })), {
  permission: "channels.read",
});

export const POST = withOrg(async (req, { ctx }) => json(await createChannel({ ctx, input: await readJson(req) }), 201), {
  permission: "channels.manage",
});
