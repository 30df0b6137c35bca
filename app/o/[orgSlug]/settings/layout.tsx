import type { ReactNode } from "react";
import { NoAccess } from "@/components/shell/no-access";
import { SettingsTabs } from "@/components/shell/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { settingsPageContext } from "./settings-page";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ ctx, allowed }, { t }] = await Promise.all([settingsPageContext(orgSlug), getT()]);
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  return (
    <>
      <PageHeader title={t("nav.settings")} />
      <SettingsTabs orgSlug={ctx.org.slug} />
      <div className="pt-6">{children}</div>
    </>
  );
}
