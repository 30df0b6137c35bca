import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, contacts, conversations } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";
import type { OrgContext } from "@/lib/tenancy/context";
import type { ConversationSummary } from "./schemas";

export const summaryColumns = {
  id: conversations.id,
  channelId: conversations.channelId,
  channelName: channels.name,
  contactId: conversations.contactId,
  psid: contacts.psid,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  profilePic: contacts.profilePic,
  contactLocale: contacts.locale,
  lastMessageAt: conversations.lastMessageAt,
  lastMessagePreview: conversations.lastMessagePreview,
  lastMessageKind: conversations.lastMessageKind,
  deliveredWatermark: conversations.deliveredWatermark,
  readWatermark: conversations.readWatermark,
  createdAt: conversations.createdAt,
  status: conversations.status,
  skillGroupId: conversations.skillGroupId,
  assigneeMembershipId: conversations.assigneeMembershipId,
  queuedAt: conversations.queuedAt,
  // The FAQ bot holds it (lib/services/bot): not queued, shown as "with the bot".
  withBot: sql<boolean>`exists (select 1 from conversation_bot_states s where s.conversation_id = ${conversations.id} and s.status = 'active')`,
};

export type SummaryRow = {
  id: string;
  channelId: string;
  channelName: string;
  contactId: string;
  psid: string;
  firstName: string | null;
  lastName: string | null;
  profilePic: string | null;
  lastMessageAt: Date | null;
  lastMessagePreview: string | null;
  lastMessageKind: string | null;
  createdAt: Date;
  status: "open" | "pending" | "resolved";
  skillGroupId: string | null;
  assigneeMembershipId: string | null;
  queuedAt: Date | null;
  withBot: boolean;
};

export function toSummary(row: SummaryRow): ConversationSummary {
  const name = [row.firstName, row.lastName].filter(Boolean).join(" ").trim();
  return {
    id: row.id,
    channelId: row.channelId,
    channelName: row.channelName,
    contactId: row.contactId,
    psid: row.psid,
    contactName: name || null,
    profilePic: row.profilePic,
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    lastMessagePreview: row.lastMessagePreview,
    lastMessageKind: row.lastMessageKind,
    createdAt: row.createdAt.toISOString(),
    status: row.status,
    skillGroupId: row.skillGroupId,
    assigneeMembershipId: row.assigneeMembershipId,
    queuedAt: row.queuedAt?.toISOString() ?? null,
    withBot: Boolean(row.withBot),
  };
}

/**
 * A conversation with its contact and channel, fetch-or-throw within the tenant and the actor's skill groups
 * (deleted channels keep their history): another group's conversation is as unknown as another organisation's.
 */
export async function getConversationInOrg(db: DbOrTx, ctx: OrgContext, conversationId: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId), conversationChannelScope(db, ctx)));
  if (!row) throw new NotFoundError("conversations.errors.notFound");
  return row;
}
