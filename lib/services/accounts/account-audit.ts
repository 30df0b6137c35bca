import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit, type AuditEntry } from "@/lib/audit";

/**
 * The audit log is an organisation's: a change to the account itself (its password, its address) is recorded
 * in each organisation the user belongs to, against their membership, so every organisation's admins see
 * what happened to a member who can act in it. `before`/`after` never hold a password or a token.
 */
export async function recordAccountAudit(tx: DbOrTx, user: { id: string; email: string }, entry: Omit<AuditEntry, "resourceId">): Promise<void> {
  const rows = await tx.select({ id: memberships.id, orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, user.id));
  for (const membership of rows) {
    await recordAudit(tx, { org: { id: membership.orgId }, actor: { type: "user", id: user.id, label: user.email } }, { ...entry, resourceId: membership.id });
  }
}
