import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getT } from "@/lib/i18n/server";
import { getConversation } from "@/lib/services/conversations";
import { can } from "@/lib/tenancy/context";
import { orNotFound } from "../../or-not-found";
import { orgPageContext } from "../../org-page";
import { ConversationView } from "./conversation-client";

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
    <ConversationView orgSlug={ctx.org.slug} initial={conversation} />
  );
}
