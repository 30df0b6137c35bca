import { and, desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { auditResourceTypeOf, type AuditAction } from "@/lib/audit/actions";
import type { Actor } from "@/lib/tenancy/context";

export interface ExpectedAuditRow {
  action: AuditAction;
  /** Omit to accept any resource; the newest row of the action is then checked. */
  resourceId?: string;
  /** Who wrote it: a context's actor, or "system" for a transition nobody asked for. */
  actor?: "system" | { actor: Pick<Actor, "type"> & Partial<Pick<Actor, "id" | "label">> };
  /** Checked with toMatchObject: name the fields that matter. */
  before?: unknown;
  after?: unknown;
  /** The organisation has no other row of this action (for "exactly this one was revoked" checks). */
  only?: boolean;
}

/**
 * Asserts the organisation has exactly one audit row for this action (and resource, when given), written by
 * this actor with these before/after fields; returns the row for further checks.
 */
export async function expectAuditRow(org: { id: string }, expected: ExpectedAuditRow) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, expected.action)))
    .orderBy(desc(auditLog.id));
  if (expected.only) expect(rows.map((r) => r.resourceId), `the only ${expected.action} row`).toHaveLength(1);
  const mine = expected.resourceId === undefined ? rows : rows.filter((r) => r.resourceId === expected.resourceId);
  if (expected.resourceId !== undefined) expect(mine, `audit rows for ${expected.action} of ${expected.resourceId}`).toHaveLength(1);
  else expect(mine.length, `audit rows for ${expected.action}`).toBeGreaterThan(0);
  const [row] = mine;
  expect(row.resourceType).toBe(auditResourceTypeOf(expected.action));
  if (expected.actor !== undefined) {
    const actor = expected.actor === "system" ? SYSTEM_ACTOR : expected.actor.actor;
    const wanted = Object.fromEntries(Object.entries({ type: actor.type, id: actor.id, label: actor.label }).filter(([, v]) => v !== undefined));
    expect({ type: row.actorType, id: row.actorId, label: row.actorLabel }).toMatchObject(wanted);
  }
  if (expected.before !== undefined) expect(row.before).toMatchObject(expected.before as object);
  if (expected.after !== undefined) expect(row.after).toMatchObject(expected.after as object);
  return row;
}
