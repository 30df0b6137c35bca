import { attachmentDisposition } from "@/lib/api/content-disposition";
import { pathId } from "@/lib/api/path-id";
import { withOrg } from "@/lib/api/with-org";
import { getTopic, renderTopicQr } from "@/lib/services/topics";

/** The topic's m.me/rn link as a QR code, SVG download (dashboard session or API key, like API v1). */
export const GET = withOrg<{ topicId: string }>(
  async (_req, { ctx, params }) => {
    const topicId = pathId(params.topicId, "topics.errors.notFound");
    const [svg, topic] = await Promise.all([renderTopicQr({ ctx, topicId, format: "svg" }), getTopic({ ctx, topicId })]);
    return new Response(svg as string, { headers: { "content-type": "image/svg+xml", "content-disposition": attachmentDisposition(topic.title, "-qr.svg") } });
  },
  { permission: "campaigns.read" },
);
