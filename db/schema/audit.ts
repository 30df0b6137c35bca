import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { organizations } from "./tenancy";

export const actorTypeEnum = pgEnum("audit_actor_type", ["user", "api_key", "system"]);

/**
 * What changed, who changed it, and when. Invariant: written in the same transaction as the change
 * it records, so a change without its audit row (or the reverse) cannot exist. Never updated.
 * `before`/`after` hold the resource without secrets.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    actorType: actorTypeEnum().notNull(),
    actorId: uuid(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    resourceType: text().notNull(),
    resourceId: text(),
    before: jsonb(),
    after: jsonb(),
    at: createdAt(),
  },
  (t) => [index("audit_log_org_idx").on(t.orgId, t.id), index("audit_log_org_action_idx").on(t.orgId, t.action, t.id)],
);
