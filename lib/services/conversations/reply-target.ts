import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, contacts, conversations } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";

/** What a send to the person of a conversation needs: the person, the Page and its token, the window's facts. */
export interface ReplyTarget {
  conversationId: string;
  channelId: string;
  pageId: string;
  appId: string;
  graphApiVersion: string;
  /** Null once the channel is disconnected (then `channelUsable` is false). */
  pageAccessTokenSealed: string | null;
  humanAgentEnabled: boolean;
  channelUsable: boolean;
  psid: string;
  lastInboundAt: Date | null;
  /** Conversation Routing, as our record has it: null while our app controls the thread. */
  threadOwnerAppId: string | null;
}

/**
 * The conversation (within the actor's scope, as getConversationInOrg checks it: 404 otherwise), its person and its
 * channel, in one query: it is on the path of every reply, before Meta is called.
 */
export async function replyTarget(ctx: OrgContext, conversationId: string): Promise<ReplyTarget> {
  const db = await getDb();
  const [row] = await db
    .select({
      conversationId: conversations.id,
      channelId: channels.id,
      pageId: channels.pageId,
      appId: channels.appId,
      graphApiVersion: channels.graphApiVersion,
      pageAccessTokenSealed: channels.pageAccessTokenSealed,
      humanAgentEnabled: channels.humanAgentEnabled,
      status: channels.status,
      deletedAt: channels.deletedAt,
      psid: contacts.psid,
      lastInboundAt: contacts.lastInboundAt,
      threadOwnerAppId: conversations.threadOwnerAppId,
    })
    .from(conversations)
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId), conversationChannelScope(db, ctx)));
  if (!row) throw new NotFoundError("conversations.errors.notFound");
  const { status, deletedAt, ...rest } = row;
  return { ...rest, channelUsable: status === "active" && deletedAt === null && rest.pageAccessTokenSealed !== null };
}
