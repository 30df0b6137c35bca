import { attachmentDisposition } from "@/lib/api/content-disposition";
import { pathId } from "@/lib/api/path-id";
import { withOrg } from "@/lib/api/with-org";
import { getTopic, renderTopicQr } from "@/lib/services/topics";

/** The topic's m.me/rn link as a QR code, PNG download. */
export const GET = withOrg<{ topicId: string }>(
  async (_req, { ctx, params }) => {
    const topicId = pathId(params.topicId, "topics.errors.notFound");
    const [png, topic] = await Promise.all([renderTopicQr({ ctx, topicId, format: "png" }), getTopic({ ctx, topicId })]);
    return new Response(new Uint8Array(png as Buffer), { headers: { "content-type": "image/png", "content-disposition": attachmentDisposition(topic.title, "-qr.png") } });
  },
  { permission: "campaigns.read" },
);
