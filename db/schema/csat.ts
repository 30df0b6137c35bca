import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id, updatedAt } from "./columns";
import { conversations } from "./messaging";
import { organizations } from "./tenancy";

/** The survey's words in one language; empty strings fall back to the built-in defaults of that language. */
export interface CsatTexts {
  /** Asked with the quick replies 1 to 5. */
  question: string;
  /** Asked after a rating: an optional comment. */
  commentPrompt: string;
  /** Sent after the comment (or after a rating when the person moves on). */
  thanks: string;
}

/**
 * A channel's satisfaction survey (issue 16). Invariant: one row per channel; a channel without one does not
 * ask. `texts` per locale ("en", "zh-CN"); the person's locale picks one, else the organisation's default.
 */
export const channelCsatSettings = pgTable("channel_csat_settings", {
  channelId: uuid()
    .primaryKey()
    .references(() => channels.id, { onDelete: "cascade" }),
  orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
  enabled: boolean().notNull().default(false),
  texts: jsonb().$type<Partial<Record<"en" | "zh-CN", CsatTexts>>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * asked: the question went out (or is going out), no rating yet; rated: the person picked 1 to 5 (a comment may
 * follow); skipped: not asked, with `skipReason` (outside_window: the 24-hour window had closed; send_failed:
 * Meta refused the question).
 */
export const csatStatusEnum = pgEnum("csat_status", ["asked", "rated", "skipped"]);

/**
 * One satisfaction survey, for one resolution of a conversation. Invariants: at most one per resolution
 * (`resolutionActivityId` unique: a retried workflow step asks once); `rating` 1..5 set only with status rated;
 * the agent, skill group and channel are those of the conversation when it was resolved, so the rating
 * attaches to them even if the conversation moves later. `awaiting` is what the person's next message answers
 * (a rating, then a comment); only the newest survey of a conversation awaits.
 */
export const csatSurveys = pgTable(
  "csat_surveys",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull(),
    skillGroupId: uuid(),
    membershipId: uuid(),
    resolutionActivityId: uuid().notNull(),
    status: csatStatusEnum().notNull(),
    skipReason: text().$type<"outside_window" | "send_failed">(),
    awaiting: text().$type<"rating" | "comment">(),
    rating: integer(),
    comment: text(),
    /** The language the survey was asked in (en, zh-CN). */
    language: text().notNull(),
    /** When the conversation was resolved: the survey is reported on this day, asked or skipped. */
    resolvedAt: timestamp({ withTimezone: true }).notNull(),
    askedAt: timestamp({ withTimezone: true }),
    ratedAt: timestamp({ withTimezone: true }),
    commentedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("csat_surveys_resolution_key").on(t.resolutionActivityId),
    index("csat_surveys_org_resolved_idx").on(t.orgId, t.resolvedAt),
    // The contact panel's ratings of a conversation, and the cascade when a conversation is deleted.
    index("csat_surveys_conversation_idx").on(t.conversationId, t.resolvedAt),
    index("csat_surveys_awaiting_idx").on(t.conversationId).where(sql`${t.awaiting} is not null`),
    check("csat_surveys_rating_range", sql`${t.rating} is null or (${t.rating} between 1 and 5)`),
  ],
);
