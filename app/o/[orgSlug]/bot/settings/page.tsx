import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getBotSettings } from "@/lib/services/bot";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../org-page";
import { sectionMetadata } from "../../page-metadata";
import { BotSettingsClient } from "./bot-settings-client";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("botSettings.title", "nav.bot");
}

export default async function BotSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "bot.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  return <BotSettingsClient orgSlug={ctx.org.slug} settings={await getBotSettings({ ctx })} />;
}
