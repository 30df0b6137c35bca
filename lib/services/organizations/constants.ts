// What browser components of organisation settings import besides types; no zod here (schemas.ts re-exports it).

/**
 * The switcher's avatar colours. An organisation shows a coloured square with its initials, not an uploaded
 * logo: nothing to store, scan or serve, and with the slug beside it two organisations named alike are told apart.
 */
export const ORG_COLORS = ["sky", "violet", "emerald", "amber", "rose", "teal", "indigo", "slate"] as const;
export type OrgColor = (typeof ORG_COLORS)[number];

/** How long a deletion can be cancelled before the organisation's data is removed. */
export const DELETION_GRACE_DAYS = 7;
