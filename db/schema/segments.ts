import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./tenancy";

/**
 * A saved audience: contacts matching a definition of AND/OR conditions (tags, attributes, channel, locale,
 * entry ref, OTN subscriptions, activity), evaluated live whenever it is counted or sent to — a segment stores
 * no member list. Invariants: `definition` is a SegmentDefinition (lib/services/segments/schemas) whose ids
 * (labels, channels, campaigns) were checked to be this organisation's when it was saved; a name is unique
 * per organisation among segments not deleted, regardless of case; deleting sets `deletedAt` (campaigns keep
 * pointing at it, and the delete is refused while an unsent campaign targets it).
 */
export const segments = pgTable(
  "segments",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    definition: jsonb().notNull(),
    /** Who created it, as the audit log names the actor (like campaigns.createdBy). */
    createdBy: text(),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("segments_org_name_key").on(t.orgId, sql`lower(${t.name})`).where(sql`${t.deletedAt} is null`),
    index("segments_org_list_idx").on(t.orgId, t.id).where(sql`${t.deletedAt} is null`),
  ],
);
