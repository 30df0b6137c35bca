import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { attachmentUploadInputSchema, MAX_ATTACHMENT_BYTES, uploadAttachment } from "@/lib/services/conversations";
import { parseInput } from "@/lib/validation";

type Params = { conversationId: string };

/** The largest file a reply takes (ATTACHMENT_RULES: 25 MB) in base64 (4/3), plus the JSON around it. */
const UPLOAD_BODY_BYTES = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

export const POST = withOrg<Params>(
  async (req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "conversations.errors.notFound");
    const body = await readJson(req, { maxBytes: UPLOAD_BODY_BYTES });
    const input = parseInput(attachmentUploadInputSchema, body);
    const file = { name: input.fileName, contentType: input.contentType, data: new Uint8Array(Buffer.from(input.data, "base64")) };
    return json(await uploadAttachment({ ctx, conversationId, file }), 201);
  },
  { permission: "conversations.reply" },
);
