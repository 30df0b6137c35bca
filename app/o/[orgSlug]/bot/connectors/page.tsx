import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { listConnectors } from "@/lib/services/bot-connectors";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../org-page";
import { sectionMetadata } from "../../page-metadata";
import { ConnectorsClient } from "./connectors-client";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("botConnectors.title", "botConnectors.section");
}

export default async function BotConnectorsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "bot.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  return <ConnectorsClient orgSlug={ctx.org.slug} connectors={await listConnectors({ ctx })} />;
}
