import { z } from "zod";
import { inputString, say } from "@/lib/validation";
import { CSAT_TEXT_MAX } from "./constants";

export * from "./constants";

// Strict: a misspelt key ("questoin") is refused rather than silently dropped. Empty: the built-in words.
const textsOfLanguage = z.strictObject({
  question: inputString("csat.field.question", CSAT_TEXT_MAX).optional(),
  commentPrompt: inputString("csat.field.commentPrompt", CSAT_TEXT_MAX).optional(),
  thanks: inputString("csat.field.thanks", CSAT_TEXT_MAX).optional(),
});

/** A channel's survey as the channel page and `PUT /api/v1/channels/{id}/csat` send it (a PUT replaces it). */
export const csatSettingsInputSchema = z
  .strictObject({
    enabled: z.boolean({ error: say("csat.errors.enabled") }),
    texts: z.strictObject({ en: textsOfLanguage.optional(), "zh-CN": textsOfLanguage.optional() }).default({}),
  })
  .meta({ examples: [{ enabled: true, texts: { en: { question: "How did we do? Tap 1 to 5." }, "zh-CN": { thanks: "谢谢您的评价！" } } }] });
export type CsatSettingsInput = z.input<typeof csatSettingsInputSchema>;

const textsOut = z.object({ question: z.string(), commentPrompt: z.string(), thanks: z.string() });

export const csatSettingsSchema = z.object({
  channelId: z.uuid(),
  enabled: z.boolean(),
  /** What the organisation wrote, per language; an empty text means the built-in words (`defaults`). */
  texts: z.object({ en: textsOut, "zh-CN": textsOut }),
  defaults: z.object({ en: textsOut, "zh-CN": textsOut }),
  updatedAt: z.iso.datetime().nullable(),
});
export type CsatSettings = z.infer<typeof csatSettingsSchema>;

/** One survey of a conversation, as the contact panel shows it. */
export const csatSurveySchema = z.object({
  id: z.uuid(),
  status: z.enum(["asked", "rated", "skipped"]),
  skipReason: z.enum(["outside_window", "send_failed"]).nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  comment: z.string().nullable(),
  resolvedAt: z.iso.datetime(),
  ratedAt: z.iso.datetime().nullable(),
});
export type CsatSurvey = z.infer<typeof csatSurveySchema>;
