import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, messages } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { fetchImage, refusalOf, type FetchedImage } from "@/lib/media/image-fetch";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";

/**
 * The image attachment `index` of a message of the organisation, fetched by the app (lib/media/image-fetch.ts)
 * so that agents' browsers never contact the sender's chosen host. Another organisation's message, or one of a
 * channel outside the agent's skill groups, is not found;
 * an address off Meta's CDN is refused before any request leaves the app (ForbiddenError); a host that answers
 * with something other than an image, too much of it, or too slowly throws RefusedImageError.
 */
export async function getMessageImage({ ctx, messageId, index }: { ctx: OrgContext; messageId: string; index: number }): Promise<FetchedImage> {
  requirePermission(ctx, "conversations.read");
  const db = await getDb();
  const [row] = await db
    .select({ attachments: messages.attachments })
    .from(messages)
    .innerJoin(channels, eq(channels.id, messages.channelId))
    .where(and(eq(messages.orgId, ctx.org.id), eq(messages.id, messageId), conversationChannelScope(db, ctx)));
  const attachment = Array.isArray(row?.attachments) ? (row.attachments[index] as { type?: unknown; payload?: { url?: unknown } } | undefined) : undefined;
  const url = attachment?.type === "image" ? attachment.payload?.url : undefined;
  if (typeof url !== "string") throw new NotFoundError("conversations.errors.imageNotFound");
  const refusal = refusalOf(url);
  if (refusal) throw new ForbiddenError("conversations.errors.imageRefused", { reason: refusal });
  return fetchImage(url);
}
