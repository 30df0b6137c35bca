import { and, eq } from "drizzle-orm";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { segments } from "@/db/schema";
import { contactInSegment } from "./compile";
import { definitionOf } from "./queries";

/**
 * For senders (OTN campaigns today; recurring notifications and marketing messages next): the condition
 * "the contact `contactId` is in the segment", as an SQL fragment to put in a claim or a count, or null for
 * "everyone" when no segment is given. The definition is read now, so a send honours the segment as it is when
 * each batch is claimed. A deleted segment still answers (its campaigns were sent; deleting refuses while one is
 * not), and a segment of another organisation matches nothing.
 */
export async function segmentAudience(db: DbOrTx, orgId: string, segmentId: string | null, contactId: SQL): Promise<SQL | null> {
  if (!segmentId) return null;
  const [row] = await db
    .select({ definition: segments.definition })
    .from(segments)
    .where(and(eq(segments.orgId, orgId), eq(segments.id, segmentId)));
  if (!row) return sql`false`;
  return contactInSegment(orgId, definitionOf(row), contactId);
}
