import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { channels } from "./channels";
import { conversations } from "./messaging";
import { memberships, organizations, skillGroups } from "./tenancy";

export const faqLanguageEnum = pgEnum("faq_language", ["zh-CN", "en"]);

/** A button under an FAQ answer: a postback (its payload comes back through the webhook) or a link. */
export type FaqButton = { type: "postback"; title: string; payload: string } | { type: "web_url"; title: string; url: string };

/**
 * What the bot sends for an entry: text; an image (by URL); text with up to three buttons (a button template);
 * or text with up to three quick replies (their payloads come back as the person's next message).
 */
export type FaqAnswer =
  | { kind: "text"; text: string }
  | { kind: "image"; imageUrl: string; text?: string }
  | { kind: "buttons"; text: string; buttons: FaqButton[] }
  | { kind: "quick_replies"; text: string; quickReplies: { title: string; payload: string }[] };

/**
 * One question the bot can answer, in one language (a knowledge base often holds both). Invariants: `question`
 * non-empty; `alternatives` are other phrasings of the same question (matched like the question); an entry
 * applies to the skill groups and channels it lists, or to all when both lists are empty; only enabled entries
 * are matched. The matcher's index of an organisation is rebuilt when `kbRevision` of bot_kb_state moves
 * (every write to this table or to faq_synonyms bumps it in the same transaction).
 */
export const faqEntries = pgTable(
  "faq_entries",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    question: text().notNull(),
    alternatives: jsonb().$type<string[]>().notNull().default([]),
    answer: jsonb().$type<FaqAnswer>().notNull(),
    language: faqLanguageEnum().notNull(),
    category: text().notNull().default(""),
    enabled: boolean().notNull().default(true),
    skillGroupIds: jsonb().$type<string[]>().notNull().default([]),
    channelIds: jsonb().$type<string[]>().notNull().default([]),
    createdByMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("faq_entries_org_idx").on(t.orgId, t.updatedAt), check("faq_entries_question_present", sql`length(${t.question}) > 0`)],
);

/** Words an organisation treats as the same for matching ("包邮", "免运费", "free shipping"). */
export const faqSynonyms = pgTable(
  "faq_synonyms",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    terms: jsonb().$type<string[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("faq_synonyms_org_idx").on(t.orgId)],
);

/** Per organisation: the knowledge base's revision (see faq_entries), so every instance notices a change. */
export const botKbState = pgTable("bot_kb_state", {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  kbRevision: integer().notNull().default(0),
  updatedAt: updatedAt(),
});

export const botModeEnum = pgEnum("bot_mode", ["off", "bot_first", "human_first", "bot_only"]);
export const botEngineEnum = pgEnum("bot_engine", ["builtin", "external"]);
export const botConnectorFallbackEnum = pgEnum("bot_connector_fallback", ["builtin", "queue"]);

/** The bot's words, per language; an empty or missing text falls back to the built-in default of that language. */
export type BotTexts = Partial<
  Record<
    "zh-CN" | "en",
    Partial<{
      /** Said once per conversation, before the first answer: that this is an automated assistant. */
      disclosure: string;
      helpfulPrompt: string;
      helpfulYes: string;
      helpfulNo: string;
      suggestPrompt: string;
      dontKnow: string;
      talkToHuman: string;
      handoverAck: string;
      /** Outside working hours; may hold {opensAt}. */
      outsideHours: string;
      messageTaken: string;
    }>
  >
>;

/**
 * How a bot serves a skill group's or one channel's conversations. Invariants: exactly one of skillGroupId and
 * channelId (a channel's row wins over its skill group's); at most one row per skill group and per channel;
 * `engine` external needs `connectorId`. Thresholds are scores of the matcher (lib/services/faqs): at or above
 * `answerThreshold` the best entry is answered, at or above `suggestThreshold` up to three are suggested.
 */
export const botConfigs = pgTable(
  "bot_configs",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    skillGroupId: uuid().references(() => skillGroups.id, { onDelete: "cascade" }),
    channelId: uuid().references(() => channels.id, { onDelete: "cascade" }),
    mode: botModeEnum().notNull().default("off"),
    engine: botEngineEnum().notNull().default("builtin"),
    connectorId: uuid().references(() => botConnectors.id, { onDelete: "set null" }),
    /** Null: the thresholds chosen by the evaluation (lib/services/faqs/thresholds.ts). */
    answerThreshold: real(),
    suggestThreshold: real(),
    /** Answers in a row the person did not find (misses, "no" votes) before the bot hands over. */
    maxMisses: integer().notNull().default(2),
    /** Words that hand over at once, besides the built-in "talk to a human" phrases of both languages. */
    handoverKeywords: jsonb().$type<string[]>().notNull().default([]),
    /** human_first: the bot answers inside working hours only while this many or more wait in the queue. */
    humanFirstQueueLength: integer().notNull().default(5),
    texts: jsonb().$type<BotTexts>().notNull().default({}),
    updatedByMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("bot_configs_skill_group_key").on(t.skillGroupId).where(sql`${t.skillGroupId} is not null`),
    uniqueIndex("bot_configs_channel_key").on(t.channelId).where(sql`${t.channelId} is not null`),
    index("bot_configs_org_idx").on(t.orgId),
    check("bot_configs_one_scope", sql`(${t.skillGroupId} is null) <> (${t.channelId} is null)`),
    check("bot_configs_external_needs_connector", sql`${t.engine} = 'builtin' or ${t.connectorId} is not null`),
  ],
);

/**
 * An organisation's own bot behind an HTTPS endpoint (like Chatwoot's agent bots): each user message is POSTed
 * to `url`, signed with the connector's secret (sealed at rest, shown once); the answer holds messages and an
 * optional handover. Past `timeoutMs`, or on an error, `fallback` decides: the built-in bot, or the queue.
 */
export const botConnectors = pgTable(
  "bot_connectors",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    url: text().notNull(),
    secretSealed: text().notNull(),
    timeoutMs: integer().notNull().default(3000),
    fallback: botConnectorFallbackEnum().notNull().default("queue"),
    enabled: boolean().notNull().default(true),
    lastErrorAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("bot_connectors_org_idx").on(t.orgId), check("bot_connectors_timeout_range", sql`${t.timeoutMs} between 500 and 10000`)],
);

export const botConversationStatusEnum = pgEnum("bot_conversation_status", ["active", "handed_over"]);
export const botHandoverReasonEnum = pgEnum("bot_handover_reason", ["user_request", "misses", "keyword", "menu", "connector", "connector_failed", "human_first"]);

/**
 * The bot's part in one conversation. Invariants: a conversation with a row `active` is the bot's: it is not
 * queued or assigned while so (the desk shows it as "with the bot"); `handed_over` makes the bot silent until
 * the conversation is resolved, when the row is deleted (the next message starts afresh). `misses` counts the
 * answers in a row that did not help; `awaiting` is what the bot asked last (a helpful vote on `lastFaqId`,
 * or a message to take outside working hours).
 */
export const conversationBotStates = pgTable(
  "conversation_bot_states",
  {
    conversationId: uuid()
      .primaryKey()
      .references(() => conversations.id, { onDelete: "cascade" }),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    status: botConversationStatusEnum().notNull().default("active"),
    misses: integer().notNull().default(0),
    disclosedAt: timestamp({ withTimezone: true }),
    lastFaqId: uuid().references(() => faqEntries.id, { onDelete: "set null" }),
    awaiting: text().$type<"feedback" | "message">(),
    /** The person's language as the bot last saw it (zh-CN or en), for its own words. */
    language: text().$type<"zh-CN" | "en">(),
    handedOverAt: timestamp({ withTimezone: true }),
    handoverReason: botHandoverReasonEnum(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("conversation_bot_states_org_status_idx").on(t.orgId, t.status)],
);

export const botEventKindEnum = pgEnum("bot_event_kind", ["answered", "suggested", "unanswered", "helpful", "unhelpful", "handover", "message_taken"]);

/**
 * What the bot did, append-only, for bot analytics: answers (with the entry and score), suggestions, questions
 * it could not answer (`question` kept, grouped on the analytics page), votes, handovers (with the reason) and
 * messages taken outside working hours.
 */
export const botEvents = pgTable(
  "bot_events",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().references(() => channels.id, { onDelete: "cascade" }),
    conversationId: uuid().references(() => conversations.id, { onDelete: "cascade" }),
    kind: botEventKindEnum().notNull(),
    faqId: uuid().references(() => faqEntries.id, { onDelete: "set null" }),
    score: real(),
    question: text(),
    language: text(),
    handoverReason: botHandoverReasonEnum(),
    createdAt: createdAt(),
  },
  (t) => [index("bot_events_org_time_idx").on(t.orgId, t.createdAt), index("bot_events_faq_idx").on(t.faqId).where(sql`${t.faqId} is not null`)],
);

/** A persistent-menu item: a postback (its payload comes back through the webhook) or a link. */
export type MenuItem = { type: "postback"; title: string; payload: string } | { type: "web_url"; title: string; url: string };

/**
 * The Page's Messenger profile as configured from the channel page and applied through the Graph API
 * (POST /me/messenger_profile): Get Started payload, greeting per locale ("default" first), persistent menu per
 * locale. `appliedAt`/`lastError` say whether Meta took the last change.
 */
export const channelMessengerProfiles = pgTable("channel_messenger_profiles", {
  channelId: uuid()
    .primaryKey()
    .references(() => channels.id, { onDelete: "cascade" }),
  orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
  getStartedPayload: text(),
  greetings: jsonb().$type<{ locale: string; text: string }[]>().notNull().default([]),
  persistentMenu: jsonb().$type<{ locale: string; composerInputDisabled: boolean; items: MenuItem[] }[]>().notNull().default([]),
  appliedAt: timestamp({ withTimezone: true }),
  lastError: text(),
  updatedAt: updatedAt(),
});
