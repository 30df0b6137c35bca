import { NextResponse } from "next/server";
import { pathId } from "@/lib/api/path-id";
import { withOrg } from "@/lib/api/with-org";
import { NotFoundError } from "@/lib/errors";
import { RefusedImageError } from "@/lib/media/image-fetch";
import { getMessageImage } from "@/lib/services/conversations";

/**
 * GET /api/media/{messageId}/{index}?org=<slug>: an image a Messenger user sent, through the app
 * (app/o/[orgSlug]/conversations/[conversationId]/conversation-client.tsx). Signed-in members of the message's organisation only.
 */
export const GET = withOrg<{ messageId: string; index: string }>(
  async (_req, { ctx, params }) => {
    const messageId = pathId(params.messageId, "conversations.errors.imageNotFound");
    if (!/^\d{1,3}$/.test(params.index)) throw new NotFoundError("conversations.errors.imageNotFound");
    try {
      const image = await getMessageImage({ ctx, messageId, index: Number(params.index) });
      return new Response(image.body as BodyInit, {
        headers: {
          "Content-Type": image.contentType,
          "Content-Length": String(image.body.byteLength),
          // Private: the image belongs to one organisation; a shared cache must not hand it to anyone else.
          "Cache-Control": "private, max-age=3600",
          "X-Content-Type-Options": "nosniff",
          // Opened on its own, the image is inert: no script, no plugins, no framing.
          "Content-Security-Policy": "default-src 'none'; sandbox; frame-ancestors 'none'",
        },
      });
    } catch (error) {
      if (!(error instanceof RefusedImageError)) throw error;
      return NextResponse.json({ error: { code: "bad_gateway", message: error.message } }, { status: 502 });
    }
  },
  { permission: "conversations.read" },
);
