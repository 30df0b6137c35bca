import type { ReactNode } from "react";
import { BotTabs } from "@/components/shell/bot-tabs";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { orgPageContext } from "../org-page";
import { botTabsFor } from "./bot-page";

/** The Bot section: FAQs, Settings, Connectors, Analytics, each tab shown to the roles that may open it. */
export default async function BotLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  const shown = botTabsFor(ctx);
  if (shown.length === 0) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  return (
    <>
      <PageHeader title={t("nav.bot")} />
      <BotTabs orgSlug={ctx.org.slug} shown={shown} />
      <div className="pt-6">{children}</div>
    </>
  );
}
