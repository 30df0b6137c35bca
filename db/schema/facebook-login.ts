import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { channels } from "./channels";
import { memberships, organizations } from "./tenancy";

export const facebookLoginPurposeEnum = pgEnum("facebook_login_purpose", ["connect", "reconnect"]);

/** A Page offered by the login, as read from `/me/accounts` (never with its token: that is fetched again on connect). */
export interface OfferedPage {
  id: string;
  name: string;
  pictureUrl: string | null;
  /** Meta's Page tasks for the person who logged in (MESSAGING, MANAGE, ...). */
  tasks: string[];
}

/**
 * One "Connect with Facebook" (or "Reconnect") run: started by a member of an organisation, finished when they
 * come back from Meta's login dialog and pick Pages.
 * Invariants: only the SHA-256 of the `state` sent to Meta is stored; a state is accepted once (`returnedAt`),
 * by the member who started it, before `expiresAt`; the long-lived user token is sealed and removed when the run
 * completes (`completedAt`) or expires. A run belongs to one organisation and one membership (cascade).
 */
export const facebookLogins = pgTable(
  "facebook_logins",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    membershipId: uuid().notNull().references(() => memberships.id, { onDelete: "cascade" }),
    purpose: facebookLoginPurposeEnum().notNull(),
    /** The channel a reconnect is for. */
    channelId: uuid().references(() => channels.id, { onDelete: "cascade" }),
    stateHash: text().notNull(),
    /** The redirect_uri sent to the dialog; the code exchange must send the same. */
    redirectUri: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** When the member came back from Meta with this state (it cannot be used again). */
    returnedAt: timestamp({ withTimezone: true }),
    /** The long-lived user token, sealed; null before the return and after completion. */
    userTokenSealed: text(),
    facebookUserName: text(),
    grantedScopes: text().array(),
    declinedScopes: text().array(),
    /** What went wrong on the return (a declined permission, a refused code), as an i18n key and values. */
    failure: jsonb().$type<{ key: string; values?: Record<string, string> }>(),
    pages: jsonb().$type<OfferedPage[]>(),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("facebook_logins_state_key").on(t.stateHash),
    index("facebook_logins_member_idx").on(t.membershipId, t.createdAt),
    index("facebook_logins_expires_idx").on(t.expiresAt),
  ],
);
