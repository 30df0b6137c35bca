import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getT } from "@/lib/i18n/server";
import { getOrganizationSettings, timeZoneOptions } from "@/lib/services/organizations";
import { can } from "@/lib/tenancy/context";
import { settingsPageContext } from "../settings-page";
import { GeneralClient } from "./general-client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("settings.nav.general") };
}

export default async function GeneralSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx, allowed } = await settingsPageContext(orgSlug);
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const settings = await getOrganizationSettings({ ctx });
  return (
    <GeneralClient
      settings={settings}
      timeZones={timeZoneOptions()}
      canEdit={can(ctx, "organization.manage")}
      canDelete={can(ctx, "organization.delete")}
    />
  );
}
