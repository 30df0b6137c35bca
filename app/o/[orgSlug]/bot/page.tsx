import { redirect } from "next/navigation";
import { NoAccess } from "@/components/shell/no-access";
import { orgPageContext } from "../org-page";
import { botTabsFor } from "./bot-page";

/** /bot opens the first tab the member may see. */
export default async function BotPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  const [first] = botTabsFor(ctx);
  if (!first) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  redirect(`/o/${ctx.org.slug}/bot/${first}`);
}
