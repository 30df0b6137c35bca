import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { OrgContext } from "@/lib/tenancy/context";

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes an audit row; call it with the transaction that makes the change, so both commit or neither. */
export async function recordAudit(tx: DbOrTx, ctx: Pick<OrgContext, "org" | "actor">, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: ctx.org.id,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
