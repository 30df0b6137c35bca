import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getConversation } from "@/lib/services/conversations";
import { can } from "@/lib/tenancy/context";
import { orNotFound } from "../../or-not-found";
import { orgPageContext } from "../../org-page";
import { ConversationView } from "./conversation-client";
import { namedMetadata } from "../../page-metadata";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; conversationId: string }> }): Promise<Metadata> {
  const { orgSlug, conversationId } = await params;
  return namedMetadata(orgSlug, "conversations.read", async (ctx) => {
    const conversation = await getConversation({ ctx, conversationId, input: { limit: 1 } });
    return conversation.contactName ?? conversation.psid;
  }, ["nav.conversations"]);
}

export default async function ConversationPage({ params }: { params: Promise<{ orgSlug: string; conversationId: string }> }) {
  const { orgSlug, conversationId } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "conversations.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const conversation = await orNotFound(conversationId, () => getConversation({ ctx, conversationId }));
  return (
    <ConversationView orgSlug={ctx.org.slug} initial={conversation} />
  );
}
