"use server";

import { listAuditLog } from "@/lib/services/audit";
import { orgAction } from "@/lib/tenancy/action";

/** The next (older) page of the audit log, for "load more". */
export async function loadAuditPageAction(orgSlug: string, query: { cursor: string; action?: string; resourceType?: string }) {
  return orgAction(orgSlug, "auditLog.read", (ctx) =>
    listAuditLog({ ctx, input: { cursor: query.cursor, limit: 25, action: query.action || undefined, resourceType: query.resourceType || undefined } }),
  );
}
