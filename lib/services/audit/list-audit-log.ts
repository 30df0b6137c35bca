import { z } from "zod";
import { and, desc, eq, like, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { pageQuerySchema, toPage, type Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { AUDIT_ACTION_DOMAINS, AUDIT_ACTION_IDS, AUDIT_RESOURCE_TYPES } from "@/lib/audit/actions";
import { parseInput, say } from "@/lib/validation";

export const auditQuerySchema = pageQuerySchema.extend({
  /** Exact action ("member.invited") or a domain prefix ("member."), both from the vocabulary. */
  action: z.enum([...AUDIT_ACTION_IDS, ...AUDIT_ACTION_DOMAINS], { error: say("audit.errors.actionFilter") }).optional(),
  resourceType: z.enum(AUDIT_RESOURCE_TYPES, { error: say("validation.oneOf", { field: "resourceType", values: AUDIT_RESOURCE_TYPES.join(", ") }) }).optional(),
});

export interface AuditEntryView {
  id: string;
  actorType: string;
  actorLabel: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  before: unknown;
  after: unknown;
  at: string;
}

/** Newest first; the cursor walks back in time. */
export async function listAuditLog({ ctx, input = {} }: { ctx: OrgContext; input?: unknown }): Promise<Page<AuditEntryView>> {
  requirePermission(ctx, "auditLog.read");
  const { cursor, limit, action, resourceType } = parseInput(auditQuerySchema, input);
  const db = await getDb();
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, ctx.org.id),
        cursor ? lt(auditLog.id, cursor) : undefined,
        action ? (action.endsWith(".") ? like(auditLog.action, `${action}%`) : eq(auditLog.action, action)) : undefined,
        resourceType ? eq(auditLog.resourceType, resourceType) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  return {
    nextCursor: page.nextCursor,
    data: page.data.map((r) => ({
      id: r.id,
      actorType: r.actorType,
      actorLabel: r.actorLabel,
      action: r.action,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      before: r.before,
      after: r.after,
      at: r.at.toISOString(),
    })),
  };
}
