import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { listLabels } from "@/lib/services/labels";
import { sectionMetadata } from "../../page-metadata";
import { settingsPageContext } from "../settings-page";
import { LabelsClient } from "./labels-client";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("settings.nav.labels", "nav.settings");
}

export default async function LabelsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx, allowed } = await settingsPageContext(orgSlug, "labels.manage");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const labels = await listLabels({ ctx });
  return <LabelsClient orgSlug={ctx.org.slug} labels={labels} />;
}
