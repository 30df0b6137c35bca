import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/tenancy/context";
import { auditResourceTypeOf, type AuditAction } from "./actions";

export interface AuditEntry {
  /** One of the vocabulary in ./actions.ts; the resource type comes from there. */
  action: AuditAction;
  resourceId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who records a transition nobody asked for (a send finishing, a token refused): no user, shown as "System". */
export const SYSTEM_ACTOR: Actor = { type: "system", id: null, label: "system" };

/** Writes an audit row; call it with the transaction that makes the change, so both commit or neither. */
export async function recordAudit(tx: DbOrTx, ctx: { org: { id: string }; actor: Actor }, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    orgId: ctx.org.id,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    action: entry.action,
    resourceType: auditResourceTypeOf(entry.action),
    resourceId: entry.resourceId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The audit row of a system transition in the organisation `orgId`. */
export function recordSystemAudit(tx: DbOrTx, orgId: string, entry: AuditEntry): Promise<void> {
  return recordAudit(tx, { org: { id: orgId }, actor: SYSTEM_ACTOR }, entry);
}
