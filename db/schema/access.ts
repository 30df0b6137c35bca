import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { organizations, roleEnum, users } from "./tenancy";

/**
 * An integrator's key for /api/v1. Only the SHA-256 of the key is stored; `prefix` is the first
 * characters, shown so people can tell keys apart. A key acts in its org with the permissions of `role`.
 * Invariant: a revoked key (revokedAt set) never authenticates again.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull(),
    role: roleEnum().notNull().default("admin"),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), index("api_keys_org_idx").on(t.orgId, t.id)],
);

/**
 * Fixed-window counters for rate limits (sign-in attempts per account and per IP, verification mails).
 * Invariants: one row per key; a row whose window has passed (`expiresAt`) counts as zero and is deleted
 * by the next sweep (lib/rate-limit.ts), so visitors cannot grow the table without bound.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    count: integer().notNull(),
    windowStartedAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt)],
);
