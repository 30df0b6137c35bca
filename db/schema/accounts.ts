import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { users } from "./tenancy";

/**
 * Operators of the installation. Invariant: a row exists only because someone with shell access ran
 * `npm run admin:grant-owner` (never from an email address or anything a visitor can set).
 */
export const instanceOwners = pgTable("instance_owners", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  grantedAt: createdAt(),
});

export const emailTokenPurposeEnum = pgEnum("email_token_purpose", ["verify_email", "change_email", "reset_password"]);

/**
 * Links mailed to prove someone reads an address (a new account's, a new address for an account, or the
 * address of an account whose password is being reset). Only the SHA-256 of the token is stored.
 * Invariants: a token is used at most once (`usedAt`), never after `expiresAt`, and proves `email` for
 * `userId` only for its `purpose`; `data` carries what the purpose needs afterwards (the organisation
 * name chosen at sign-up).
 */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: emailTokenPurposeEnum().notNull(),
    email: text().notNull(),
    tokenHash: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_tokens_token_hash_key").on(t.tokenHash), index("email_tokens_user_idx").on(t.userId, t.purpose)],
);

/**
 * Mail written instead of sent when no SMTP_URL is configured (development, demo, tests). Read by
 * instance owners in the dashboard and by the browser tests. Invariant: never written when SMTP is set.
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: id(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_emails_to_idx").on(t.to, t.createdAt), index("outbox_emails_created_idx").on(t.createdAt)],
);
