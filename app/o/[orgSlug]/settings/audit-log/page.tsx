import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { isAuditAction, isAuditResourceType } from "@/lib/audit/actions";
import { listAuditLog } from "@/lib/services/audit";
import { settingsPageContext } from "../settings-page";
import { AuditLogClient } from "./audit-log-client";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("settings.nav.auditLog", "nav.settings");
}

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ action?: string; resourceType?: string }>;
}) {
  const [{ orgSlug }, query] = await Promise.all([params, searchParams]);
  const { ctx, allowed } = await settingsPageContext(orgSlug, "auditLog.read");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  // Only the filters the page offers are passed on.
  const action = query.action && isAuditAction(query.action) ? query.action : undefined;
  const resourceType = query.resourceType && isAuditResourceType(query.resourceType) ? query.resourceType : undefined;
  const page = await listAuditLog({ ctx, input: { limit: 25, action, resourceType } });
  return (
    <AuditLogClient
      key={`${action ?? ""}|${resourceType ?? ""}`}
      orgSlug={ctx.org.slug}
      orgName={ctx.org.name}
      initial={page}
      filters={{ action: action ?? "", resourceType: resourceType ?? "" }}
    />
  );
}
