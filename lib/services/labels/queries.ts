import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { conversationLabels, labels } from "@/db/schema";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import type { Label, LabelColor } from "./schemas";

export const labelColumns = {
  id: labels.id,
  name: labels.name,
  color: labels.color,
  description: labels.description,
  createdAt: labels.createdAt,
  updatedAt: labels.updatedAt,
  conversationCount: sql<number>`(select ${count()} from ${conversationLabels} where ${conversationLabels.labelId} = ${labels.id})`.mapWith(Number),
};

type LabelRow = { id: string; name: string; color: string; description: string; conversationCount: number; createdAt: Date; updatedAt: Date };

export function toLabel(row: LabelRow): Label {
  return {
    id: row.id,
    name: row.name,
    color: row.color as LabelColor,
    description: row.description,
    conversationCount: row.conversationCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Fetch-or-throw within the tenant: another organisation's label is as unknown as a missing one. */
export async function getLabelInOrg(db: DbOrTx, ctx: OrgContext, labelId: string): Promise<LabelRow> {
  const [row] = await db
    .select(labelColumns)
    .from(labels)
    .where(and(eq(labels.orgId, ctx.org.id), eq(labels.id, labelId)));
  if (!row) throw new NotFoundError("labels.errors.notFound");
  return row;
}

/** A unique violation on (org, lower(name)) is the "name taken" conflict; anything else is rethrown. */
export function nameTaken(error: unknown, name: string | undefined): never {
  if (isUniqueViolation(error)) throw new ConflictError("labels.errors.nameTaken", { name: String(name) });
  throw error;
}
