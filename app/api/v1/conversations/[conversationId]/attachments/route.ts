import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { attachmentUploadInputSchema, uploadAttachment } from "@/lib/services/conversations";
import { parseInput } from "@/lib/validation";

type Params = { conversationId: string };

export const POST = withOrg<Params>(
  async (req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "conversations.errors.notFound");
    const body = await readJson(req);
    const input = parseInput(attachmentUploadInputSchema, body);
    const file = { name: input.fileName, contentType: input.contentType, data: new Uint8Array(Buffer.from(input.data, "base64")) };
    return json(await uploadAttachment({ ctx, conversationId, file }), 201);
  },
  { permission: "conversations.reply" },
);
