import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { assignableRoles } from "@/lib/permissions";
import { listApiKeys } from "@/lib/services/api-keys";
import { settingsPageContext } from "../settings-page";
import { ApiKeysClient } from "./api-keys-client";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("settings.nav.apiKeys", "nav.settings");
}

export default async function ApiKeysPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx, allowed } = await settingsPageContext(orgSlug, "apiKeys.manage");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const keys = await listApiKeys({ ctx });
  // Keys never get the owner role.
  const roles = assignableRoles(ctx.role).filter((r) => r !== "owner");
  return <ApiKeysClient orgSlug={ctx.org.slug} orgName={ctx.org.name} keys={keys} roles={roles} />;
}
