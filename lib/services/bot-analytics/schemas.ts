import { z } from "zod";
import { say } from "@/lib/validation";

export const BOT_HANDOVER_REASONS = ["user_request", "misses", "keyword", "menu", "connector", "connector_failed", "human_first"] as const;
/** A range longer than this is a year-end report, not a dashboard: refused so one request cannot scan years. */
export const ANALYTICS_MAX_DAYS = 366;
export const ANALYTICS_DEFAULT_DAYS = 30;

const day = (what: string) =>
  z.iso
    .date({ error: say("botAnalytics.errors.date") })
    .optional()
    .meta({ description: `${what} (YYYY-MM-DD, UTC, inclusive).`, examples: ["2026-11-01"] });

export const botAnalyticsQuerySchema = z
  .object({
    from: day("First day; default 29 days before `to`"),
    to: day("Last day; default today"),
    channelId: z.uuid({ error: say("botAnalytics.errors.channel") }).optional().meta({ description: "Only this channel's conversations.", examples: ["0190f5d2-1111-7222-8333-444455556666"] }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: say("botAnalytics.errors.range"), path: ["from"] });
export type BotAnalyticsQuery = z.input<typeof botAnalyticsQuerySchema>;

export const botAnalyticsSchema = z.object({
  range: z.object({ from: z.iso.date(), to: z.iso.date() }),
  totals: z.object({
    answered: z.number().int(),
    suggested: z.number().int(),
    unanswered: z.number().int(),
    helpful: z.number().int(),
    unhelpful: z.number().int(),
    handovers: z.number().int(),
    messagesTaken: z.number().int(),
  }),
  /** Per FAQ entry answered or voted on in the range, most answered first. `question` is null for a deleted entry. */
  entries: z.array(
    z.object({
      faqId: z.uuid(),
      question: z.string().nullable().meta({ examples: ["包邮吗？"] }),
      answered: z.number().int(),
      helpful: z.number().int(),
      unhelpful: z.number().int(),
    }),
  ),
  handovers: z.array(z.object({ reason: z.enum(BOT_HANDOVER_REASONS), count: z.number().int() })),
  /** Questions the bot could not answer, grouped when they read the same once case, width and punctuation are ignored; most asked first. */
  unanswered: z.array(
    z.object({
      question: z.string().meta({ description: "The latest wording asked.", examples: ["能开发票吗"] }),
      count: z.number().int(),
      language: z.string().nullable(),
      lastAskedAt: z.iso.datetime(),
      createFaqUrl: z.string().meta({ description: "The dashboard's new-FAQ form, prefilled with the question.", examples: ["/o/acme/bot/faqs/new?question=%E8%83%BD%E5%BC%80%E5%8F%91%E7%A5%A8%E5%90%97"] }),
    }),
  ),
});
export type BotAnalytics = z.infer<typeof botAnalyticsSchema>;
