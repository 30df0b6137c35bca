import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getOrganizationSettings, timeZoneOptions } from "@/lib/services/organizations";
import { can } from "@/lib/tenancy/context";
import { settingsPageContext } from "../settings-page";
import { GeneralClient } from "./general-client";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("settings.nav.general", "nav.settings");
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
