import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { contacts, segments } from "@/db/schema";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { segmentWhere } from "./compile";
import { segmentDefinitionSchema, type Segment, type SegmentDefinition } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SegmentRow = typeof segments.$inferSelect;

/** Fetch-or-throw within the tenant: another organisation's segment, or a deleted one, is as unknown as a missing one. */
export async function getSegmentInOrg(db: DbOrTx, orgId: string, segmentId: string): Promise<SegmentRow> {
  if (!UUID.test(segmentId)) throw new NotFoundError("segments.errors.notFound");
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.orgId, orgId), eq(segments.id, segmentId), isNull(segments.deletedAt)));
  if (!row) throw new NotFoundError("segments.errors.notFound");
  return row;
}

/** A stored definition, read back through the schema (defaults filled; a row from an older shape fails loudly). */
export function definitionOf(row: Pick<SegmentRow, "definition">): SegmentDefinition {
  return segmentDefinitionSchema.parse(row.definition);
}

/** How many of the organisation's contacts match now. */
export async function countMatching(db: DbOrTx, orgId: string, definition: SegmentDefinition): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(segmentWhere(orgId, definition));
  return row?.n ?? 0;
}

export function toSegment(row: SegmentRow, contactCount: number): Segment {
  return {
    id: row.id,
    name: row.name,
    definition: definitionOf(row),
    contactCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function nameTaken(error: unknown, name: string): never {
  if (isUniqueViolation(error)) throw new ConflictError("segments.errors.nameTaken", { name });
  throw error;
}
