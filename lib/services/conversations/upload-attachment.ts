import { createHash } from "node:crypto";
import { openPageToken } from "@/lib/services/channels";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messageAttachmentUploads } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { attachmentProblem, attachmentTypeOf, contentMatchesType } from "./constants";
import { replyTarget } from "./reply-target";

/** An upload as replies and the API refer to it: `id` goes in a reply's `attachment.uploadId`. */
export interface AttachmentUpload {
  id: string;
  type: string;
  fileName: string;
  contentType: string;
  size: number;
  /** True when the same file had been uploaded for this channel before: Meta was not called again. */
  reused: boolean;
}

/** Meta keeps reusable attachments for a while (the sandbox: 90 days); older ones are uploaded again. */
const REUSE_FOR_MS = 80 * 86_400_000;
const FILE_NAME_MAX = 200;

/**
 * Uploads a file for a reply in a conversation through Meta's Attachment Upload API (is_reusable), once per
 * channel and file: the same bytes again (by sha256) answer the stored upload without calling Meta. Refuses
 * what replies may not carry (ATTACHMENT_RULES: type and size) before anything is read further or sent.
 * The conversation must be in the actor's scope (404 otherwise) and its channel usable (409).
 */
export async function uploadAttachment({
  ctx,
  conversationId,
  file,
}: {
  ctx: OrgContext;
  conversationId: string;
  file: { name: string; contentType: string; data: Uint8Array } | null;
}): Promise<AttachmentUpload> {
  requirePermission(ctx, "conversations.reply");
  const target = await replyTarget(ctx, conversationId);
  if (!file) throw ValidationError.forField("file", "composer.attachment.missing");
  const problem = attachmentProblem({ size: file.data.byteLength, contentType: file.contentType });
  if (problem) throw ValidationError.forField("file", problem.key, problem.vars);
  if (!contentMatchesType(file.contentType, file.data)) throw ValidationError.forField("file", "composer.attachment.notThatType", { type: file.contentType });
  if (!target.channelUsable) throw new ConflictError("conversations.reply.refused.channelUnavailable");
  const type = attachmentTypeOf(file.contentType)!;
  const contentType = file.contentType.split(";")[0].trim().toLowerCase();
  const fileName = (file.name.replace(/[\u0000-\u001f/\\]/g, "_").trim() || "file").slice(0, FILE_NAME_MAX);
  const sha256 = createHash("sha256").update(file.data).digest("hex");
  const db = await getDb();
  const [known] = await db
    .select()
    .from(messageAttachmentUploads)
    .where(
      and(
        eq(messageAttachmentUploads.channelId, target.channelId),
        eq(messageAttachmentUploads.sha256, sha256),
        gt(messageAttachmentUploads.createdAt, new Date(Date.now() - REUSE_FOR_MS)),
      ),
    );
  if (known) return { id: known.id, type: known.type, fileName: known.fileName, contentType: known.contentType, size: known.size, reused: true };

  let attachmentId: string;
  try {
    const answer = await new GraphClient({ version: target.graphApiVersion }).uploadAttachment(target.pageId, openPageToken(target), { type, fileName, contentType, data: file.data });
    attachmentId = answer.attachment_id;
  } catch (error) {
    const reason = error instanceof GraphError ? error.reason : (error as Error).message;
    throw ValidationError.forField("file", "composer.attachment.uploadFailed", { reason });
  }
  const values = { orgId: ctx.org.id, channelId: target.channelId, sha256, attachmentId, type, fileName, contentType, size: file.data.byteLength, uploadedByMembershipId: ctx.membershipId, createdAt: new Date() };
  // A stale row (or one written by a concurrent upload of the same file) takes the new attachment id.
  const [row] = await db
    .insert(messageAttachmentUploads)
    .values(values)
    .onConflictDoUpdate({ target: [messageAttachmentUploads.channelId, messageAttachmentUploads.sha256], set: { attachmentId, fileName, contentType, createdAt: values.createdAt } })
    .returning();
  return { id: row.id, type: row.type, fileName: row.fileName, contentType: row.contentType, size: row.size, reused: false };
}
