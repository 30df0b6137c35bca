import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

export const roleEnum = pgEnum("member_role", ["owner", "admin", "marketer", "agent"]);

/**
 * A person who can sign in. Invariant: `email` is stored lower-cased and is unique;
 * `passwordHash` is an argon2id PHC string (null only for an invited user who has not set one);
 * `emailVerifiedAt` is set only once the person proved they read mail at `email` (a verification link,
 * or an invitation link that was mailed there). Unverified accounts cannot create organisations or join one.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull(),
    name: text().notNull().default(""),
    passwordHash: text(),
    locale: text(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    /**
     * The generation of the account's sessions: stamped into each session token at sign-in and compared on
     * every request, so raising it (a password change or reset) signs every older session out.
     */
    sessionVersion: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/**
 * A tenant. Invariants: `slug` is unique and URL-safe, and never equal to a live redirect's old slug
 * (org_slug_redirects); it only selects, membership is always re-checked. Names need not be unique (the
 * switcher tells two alike apart by slug and colour). `color` is one of ORG_COLORS
 * (lib/services/organizations/schemas.ts), null for "derived from the name"; `timeZone` an IANA zone;
 * `defaultLocale` one of LOCALES. `deleteAfter` is set (with `deletionRequestedAt`) while the organisation is
 * scheduled for deletion: its API keys are refused at once, and the purge workflow deletes it after that time.
 */
export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull(),
    color: text(),
    timeZone: text().notNull().default("UTC"),
    defaultLocale: text().notNull().default("en"),
    deletionRequestedAt: timestamp({ withTimezone: true }),
    deleteAfter: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug), index("organizations_delete_after_idx").on(t.deleteAfter).where(sql`${t.deleteAfter} is not null`)],
);

/**
 * A slug an organisation used before: /o/<oldSlug>/... redirects its members to the current slug. Invariant:
 * `oldSlug` is unique and no organisation's current slug; an organisation taking a slug back drops its own
 * redirect, and nobody else can take a slug while it redirects (old links keep working). Gone with the org.
 */
export const orgSlugRedirects = pgTable(
  "org_slug_redirects",
  {
    oldSlug: text().primaryKey(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("org_slug_redirects_org_idx").on(t.orgId)],
);

/**
 * A user's role in an organisation. Invariants: one membership per (user, org);
 * every organisation keeps at least one owner (enforced by the member services).
 */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_org_key").on(t.userId, t.orgId),
    index("memberships_org_idx").on(t.orgId, t.id),
  ],
);

/**
 * An invitation to join an organisation. Only the SHA-256 of the link token is stored.
 * Invariant: at most one open (unaccepted, unrevoked) invitation per (org, email).
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: roleEnum().notNull(),
    tokenHash: text().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    uniqueIndex("invitations_open_email_key")
      .on(t.orgId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** 技能组: a team of agents that a channel's conversations are routed to. Invariant: name unique per org. */
export const skillGroups = pgTable(
  "skill_groups",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("skill_groups_org_name_key").on(t.orgId, t.name), index("skill_groups_org_idx").on(t.orgId, t.id)],
);

/**
 * Members of a skill group. Invariant: the membership belongs to the group's org
 * (checked by the service; both rows carry orgId so a cross-tenant link cannot be written by accident).
 */
export const skillGroupMembers = pgTable(
  "skill_group_members",
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    skillGroupId: uuid().notNull().references(() => skillGroups.id, { onDelete: "cascade" }),
    membershipId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.skillGroupId, t.membershipId] }), index("skill_group_members_membership_idx").on(t.membershipId)],
);
