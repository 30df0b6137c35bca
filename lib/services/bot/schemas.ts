import { z } from "zod";
import { inputString, say } from "@/lib/validation";
import { BOT_ENGINES, BOT_KEYWORDS_MAX, BOT_MODES, BOT_TEXT_KEYS, BOT_TEXT_MAX, type BotTextKey } from "./constants";

export * from "./constants";

// Strict: a misspelt key ("disclosre") is refused rather than silently dropped.
const textsOfLanguage = z
  .strictObject(Object.fromEntries(BOT_TEXT_KEYS.map((key) => [key, inputString("botSettings.field.text", BOT_TEXT_MAX).optional()])) as Record<BotTextKey, z.ZodOptional<ReturnType<typeof inputString>>>)
  .partial();

const threshold = z.number({ error: say("botSettings.errors.threshold") }).min(0, { error: say("botSettings.errors.threshold") }).max(1000, { error: say("botSettings.errors.threshold") }).nullable();

/**
 * A bot configuration as the settings page and `PUT /api/v1/bot/configs/...` send it: the whole row (a PUT
 * replaces it). Thresholds null: the evaluated defaults. Texts left empty: the built-in words of that language.
 */
export const botConfigInputSchema = z
  .object({
    mode: z.enum(BOT_MODES, { error: say("botSettings.errors.mode") }),
    engine: z.enum(BOT_ENGINES, { error: say("botSettings.errors.engine") }).default("builtin"),
    connectorId: z.uuid({ error: say("botSettings.errors.connector") }).nullable().default(null),
    answerThreshold: threshold.default(null),
    suggestThreshold: threshold.default(null),
    maxMisses: z.number().int().min(1, { error: say("botSettings.errors.maxMisses") }).max(10, { error: say("botSettings.errors.maxMisses") }).default(2),
    handoverKeywords: z.array(inputString("botSettings.field.keyword", 50).min(1, { error: say("botSettings.errors.keyword") })).max(BOT_KEYWORDS_MAX, { error: say("botSettings.errors.keywords", { max: BOT_KEYWORDS_MAX }) }).default([]),
    humanFirstQueueLength: z.number().int().min(0, { error: say("botSettings.errors.queueLength") }).max(1000, { error: say("botSettings.errors.queueLength") }).default(5),
    texts: z.strictObject({ "zh-CN": textsOfLanguage.optional(), en: textsOfLanguage.optional() }).default({}),
  })
  .refine((v) => v.engine === "builtin" || v.connectorId !== null, { error: say("botSettings.errors.connectorRequired"), path: ["connectorId"] })
  .refine((v) => v.answerThreshold === null || v.suggestThreshold === null || v.suggestThreshold <= v.answerThreshold, { error: say("botSettings.errors.thresholdOrder"), path: ["suggestThreshold"] })
  .meta({
    examples: [
      { mode: "bot_first", engine: "builtin", maxMisses: 2, handoverKeywords: ["退款", "refund"], texts: { en: { disclosure: "Hi, I'm Shop's assistant (a bot)." } } },
      { mode: "human_first", humanFirstQueueLength: 3 },
    ],
  });
export type BotConfigInput = z.input<typeof botConfigInputSchema>;

export const botConfigSchema = z.object({
  id: z.uuid(),
  scope: z.enum(["skill_group", "channel"]),
  skillGroupId: z.uuid().nullable(),
  channelId: z.uuid().nullable(),
  /** The skill group's or the channel's name, for lists. */
  name: z.string(),
  mode: z.enum(BOT_MODES),
  engine: z.enum(BOT_ENGINES),
  connectorId: z.uuid().nullable(),
  answerThreshold: z.number().nullable(),
  suggestThreshold: z.number().nullable(),
  maxMisses: z.number().int(),
  handoverKeywords: z.array(z.string()),
  humanFirstQueueLength: z.number().int(),
  texts: z.record(z.string(), z.record(z.string(), z.string())),
  updatedAt: z.iso.datetime(),
});
export type BotConfig = z.infer<typeof botConfigSchema>;

/** The settings page's data: each skill group and channel with its configuration, connectors, default thresholds. */
export interface BotSettings {
  targets: { scope: "skill_group" | "channel"; id: string; name: string; skillGroupName: string | null; config: BotConfig | null }[];
  connectors: { id: string; name: string }[];
  defaults: { answer: number; suggest: number };
}
