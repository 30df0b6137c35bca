import type { Metadata } from "next";
import { QueryProvider } from "@/components/channels/query-provider";
import { ConversationView } from "@/components/conversations/conversation-view";
import { NoAccess } from "@/components/shell/no-access";
import { getT } from "@/lib/i18n/server";
import { getConversation } from "@/lib/services/conversations/get-conversation";
import { can } from "@/lib/tenancy/context";
import { orNotFound } from "../../channels/queries";
import { orgPageContext } from "../../org-page";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.conversations") };
}

export default async function ConversationPage({ params }: { params: Promise<{ orgSlug: string; conversationId: string }> }) {
  const { orgSlug, conversationId } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "conversations.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const conversation = await orNotFound(conversationId, () => getConversation({ ctx, conversationId }));
  return (
    <QueryProvider>
      <ConversationView orgSlug={ctx.org.slug} initial={conversation} />
    </QueryProvider>
  );
}
