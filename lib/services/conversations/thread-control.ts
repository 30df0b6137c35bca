import { and, eq } from "drizzle-orm";
import { openPageToken } from "@/lib/services/channels";
import { z } from "zod";
import { getDb } from "@/db/client";
import { conversationActivities, conversations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { publishRealtime } from "@/lib/realtime";
import { flagReconnectNeeded, recordChannelError, refusalOf } from "@/lib/services/channel-health";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { PAGE_INBOX_APP_ID } from "./constants";
import { replyTarget, type ReplyTarget } from "./reply-target";

export const threadControlSchema = z.object({
  /** take: Messenger Desk takes the thread back (take_thread_control); pass: hands it to Meta's Page Inbox. */
  action: z.enum(["take", "pass"]),
}).meta({ examples: [{ action: "take" }, { action: "pass" }] });
export type ThreadControlInput = z.input<typeof threadControlSchema>;

/** Who controls the thread after the change: null is Messenger Desk (the channel's app). */
export interface ThreadControlState {
  conversationId: string;
  threadOwnerAppId: string | null;
}

/**
 * Conversation Routing from the desk: "take" asks Meta to give the thread back to our app (only the Page's
 * primary app may), "pass" hands it to Meta's Page Inbox. Refused with 409 when our record already says so
 * (nothing to take, or nothing of ours to pass) without calling Meta, and with Meta's refusal in words when
 * Meta says no. On success the conversation's owner, a thread_control activity and the audit row are written
 * in one transaction, and open dashboards hear of it.
 */
export async function changeThreadControl({ ctx, conversationId, input }: { ctx: OrgContext; conversationId: string; input: ThreadControlInput }): Promise<ThreadControlState> {
  requirePermission(ctx, "conversations.reply");
  const { action } = parseInput(threadControlSchema, input);
  const target = await replyTarget(ctx, conversationId);
  if (!target.channelUsable) throw new ConflictError("conversations.reply.refused.channelUnavailable");
  const previous = target.threadOwnerAppId;
  if (action === "take" && previous === null) throw new ConflictError("composer.thread.alreadyOurs");
  if (action === "pass" && previous !== null) throw new ConflictError("composer.thread.notOwner");
  const graph = new GraphClient({ version: target.graphApiVersion });
  const token = openPageToken(target);
  try {
    if (action === "take") await graph.takeThreadControl(target.pageId, token, target.psid);
    else await graph.passThreadControl(target.pageId, token, target.psid, PAGE_INBOX_APP_ID);
  } catch (error) {
    throw await refusal(ctx, target, error);
  }
  const next = action === "take" ? null : PAGE_INBOX_APP_ID;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(conversations)
      .set({ threadOwnerAppId: next, threadOwnerChangedAt: new Date() })
      .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId)));
    await tx.insert(conversationActivities).values({
      orgId: ctx.org.id,
      conversationId,
      kind: "thread_control",
      actorType: ctx.membershipId ? "member" : "system",
      actorMembershipId: ctx.membershipId,
      memo: next ?? target.appId,
    });
    await recordAudit(tx, ctx, {
      action: action === "take" ? "conversation.thread_taken" : "conversation.thread_passed",
      resourceId: conversationId,
      before: { threadOwnerAppId: previous },
      after: { threadOwnerAppId: next },
    });
    await publishRealtime(tx, { type: "conversation.updated", orgId: ctx.org.id, channelId: target.channelId, conversationId, at: Date.now() });
  });
  return { conversationId, threadOwnerAppId: next };
}

export const takeThreadControl = ({ ctx, conversationId }: { ctx: OrgContext; conversationId: string }) => changeThreadControl({ ctx, conversationId, input: { action: "take" } });
export const passThreadControl = ({ ctx, conversationId }: { ctx: OrgContext; conversationId: string }) => changeThreadControl({ ctx, conversationId, input: { action: "pass" } });

/** Meta's refusal of a thread-control call, as a 409 in words (Meta's take_thread_control errors: 200, 27, 100, 190). */
async function refusal(ctx: OrgContext, target: ReplyTarget, error: unknown): Promise<ConflictError> {
  if (!(error instanceof GraphError)) return new ConflictError("composer.thread.failed", { reason: (error as Error).message });
  if (error.errorClass === "auth") await recordChannelError(ctx.org.id, target.channelId, "send_api", error.reason, error.code);
  if (error.code === 190) await flagReconnectNeeded(target.channelId, refusalOf(error));
  if (error.code === 200 || (error.code === 10 && error.subcode === 2018300)) return new ConflictError("composer.thread.denied", { reason: error.reason });
  if (error.code === 27) return new ConflictError("composer.thread.routingOff");
  if (error.code === 100) return new ConflictError("composer.thread.invalid", { reason: error.reason });
  return new ConflictError("composer.thread.failed", { reason: error.reason });
}
