import { z } from "zod";
import { say } from "@/lib/validation";

/**
 * The reports' contract (issue 16), shared by the services, /api/v1/reports/*, the Reports page and its CSV
 * export. Ranges are days in the organisation's time zone (from and to inclusive); every figure over a range
 * sums quarter-hour rollups (db/schema/reports.ts), so a day that has 23 or 25 hours (a daylight-saving change)
 * is exactly that day.
 */

/** Longer ranges are a year-end export, not a dashboard: refused so one request cannot read years of rollups. */
export const REPORT_MAX_DAYS = 366;
export const REPORT_PRESETS = ["today", "7d", "30d", "custom"] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

const day = (what: string) =>
  z.iso
    .date({ error: say("reports.errors.date") })
    .optional()
    .meta({ description: `${what} (YYYY-MM-DD in the organisation's time zone, inclusive).`, examples: ["2026-11-01"] });
const optionalId = (what: string) => z.uuid({ error: say("reports.errors.id") }).optional().meta({ description: what, examples: ["0190f5d2-1111-7222-8333-444455556666"] });

/** The range and filters every service report takes (query parameters of /api/v1/reports/service...). */
export const serviceReportQuerySchema = z
  .object({
    preset: z
      .enum(REPORT_PRESETS, { error: say("reports.errors.preset") })
      .optional()
      .meta({ description: "today, 7d or 30d (ending today), or custom (from and to). Default 7d; from/to imply custom.", examples: ["30d"] }),
    from: day("First day of a custom range"),
    to: day("Last day of a custom range; default today"),
    channelId: optionalId("Only this channel's conversations and messages."),
    skillGroupId: optionalId("Only this skill group's."),
    membershipId: optionalId("Only this agent's (a membership id)."),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: say("reports.errors.range"), path: ["from"] });
export type ServiceReportQuery = z.input<typeof serviceReportQuerySchema>;

/** A duration's distribution in milliseconds over the range; null figures when nothing was measured. */
export const durationStatsSchema = z.object({
  count: z.number().int().meta({ description: "How many clocks stopped in the range." }),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  averageMs: z.number().nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

export const csatStatsSchema = z.object({
  /** Surveys for resolutions in the range: asked (the question went out) and skipped (outside the 24 h window). */
  asked: z.number().int(),
  skipped: z.number().int(),
  rated: z.number().int(),
  /** rated / asked, 0..1; null when nothing was asked. */
  responseRate: z.number().nullable(),
  average: z.number().nullable(),
  /** How many rated 1, 2, 3, 4 and 5 (index 0 is 1). */
  distribution: z.array(z.number().int()).length(5),
  comments: z.number().int(),
});
export type CsatStats = z.infer<typeof csatStatsSchema>;

const countsShape = {
  conversationsNew: z.number().int(),
  conversationsResolved: z.number().int(),
  conversationsReopened: z.number().int(),
  messagesIn: z.number().int(),
  messagesOut: z.number().int(),
};

/** One row of the per-agent or per-skill-group table. `name` null: a deleted member or group. */
export const serviceBreakdownRowSchema = z.object({
  id: z.uuid().nullable().meta({ description: "The membership or skill group id; null for what belongs to none (unassigned, no group)." }),
  name: z.string().nullable(),
  conversationsResolved: z.number().int(),
  messagesOut: z.number().int(),
  firstResponse: durationStatsSchema,
  handle: durationStatsSchema,
  resolution: durationStatsSchema,
  csatAverage: z.number().nullable(),
  csatRated: z.number().int(),
});
export type ServiceBreakdownRow = z.infer<typeof serviceBreakdownRowSchema>;

export const serviceReportSchema = z.object({
  range: z.object({ from: z.iso.date(), to: z.iso.date(), timeZone: z.string().meta({ examples: ["Asia/Shanghai"] }) }),
  totals: z.object({
    ...countsShape,
    firstResponse: durationStatsSchema.meta({ description: "From the (re)opening to the first reply by a person on the Page's side; on the day of that reply." }),
    wait: durationStatsSchema.meta({ description: "From entering the queue to the first agent taking it; on the day it was taken." }),
    handle: durationStatsSchema.meta({ description: "From the first agent taking it to its resolution; on the day of the resolution." }),
    resolution: durationStatsSchema.meta({ description: "From the (re)opening to the resolution; on the day of the resolution." }),
    csat: csatStatsSchema,
    bot: z.object({
      answered: z.number().int(),
      suggested: z.number().int(),
      unanswered: z.number().int(),
      helpful: z.number().int(),
      unhelpful: z.number().int(),
      /** helpful / (helpful + unhelpful), 0..1; null without votes. */
      helpfulRate: z.number().nullable(),
      handovers: z.number().int(),
    }),
  }),
  /** One entry per day of the range (the organisation's days), for the charts. */
  days: z.array(z.object({ date: z.iso.date(), ...countsShape, csatAverage: z.number().nullable() })),
  /** Messages in by weekday (0 Sunday .. 6 Saturday) and hour (0..23) of the organisation's time zone: 7 rows of 24. */
  heatmap: z.array(z.array(z.number().int()).length(24)).length(7),
  agents: z.array(serviceBreakdownRowSchema),
  skillGroups: z.array(serviceBreakdownRowSchema),
});
export type ServiceReport = z.infer<typeof serviceReportSchema>;

/** Campaign reports (one campaign, or several side by side). Ranges are the organisation's days too. */
export const campaignReportQuerySchema = z
  .object({
    preset: serviceReportQuerySchema.shape.preset,
    from: day("First day of a custom range"),
    to: day("Last day of a custom range; default today"),
    channelId: optionalId("Only this channel's campaigns."),
    campaignIds: z
      .string()
      .optional()
      .meta({ description: "Comma-separated campaign ids to compare (at most 10); default every campaign with activity in the range.", examples: ["0190f5d2-1111-7222-8333-444455556666,0190f5d2-1111-7222-8333-444455556667"] }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: say("reports.errors.range"), path: ["from"] });
export type CampaignReportQuery = z.input<typeof campaignReportQuerySchema>;

/** One campaign's funnel: lifetime counters (the campaign's own, kept as events happen) and its failures by reason. */
export const campaignFunnelSchema = z.object({
  campaignId: z.uuid(),
  name: z.string(),
  status: z.string(),
  channelId: z.uuid(),
  linkClicks: z.number().int(),
  requestsSent: z.number().int(),
  requestsSkipped: z.number().int(),
  subscribers: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  expired: z.number().int(),
  /** Failures grouped by Meta's error code (null: no code) with the latest reason given. */
  failures: z.array(z.object({ code: z.number().int().nullable(), reason: z.string().nullable(), count: z.number().int() })),
});
export type CampaignFunnel = z.infer<typeof campaignFunnelSchema>;

export const campaignReportSchema = z.object({
  range: z.object({ from: z.iso.date(), to: z.iso.date(), timeZone: z.string() }),
  campaigns: z.array(campaignFunnelSchema),
  /** Subscribers ("Notify Me" taps) per day of the range, per campaign: `counts` in the order of `campaigns`. */
  subscribersByDay: z.array(z.object({ date: z.iso.date(), counts: z.array(z.number().int()) })),
});
export type CampaignReport = z.infer<typeof campaignReportSchema>;

/** The supervisors' live overview: now, not a range. */
export const liveOverviewSchema = z.object({
  at: z.iso.datetime(),
  openConversations: z.number().int().meta({ description: "Open and pending conversations now (assigned or queued), of every skill group." }),
  agents: z.array(
    z.object({
      membershipId: z.uuid(),
      name: z.string(),
      presence: z.enum(["online", "away", "offline"]),
      /** Open and pending conversations assigned to the agent now. */
      load: z.number().int(),
      /** The cap of their skill groups (the smallest), null when they are in none. */
      maxLoad: z.number().int().nullable(),
      skillGroupIds: z.array(z.uuid()),
    }),
  ),
  skillGroups: z.array(
    z.object({
      skillGroupId: z.uuid(),
      name: z.string(),
      queued: z.number().int(),
      /** Since when the longest-waiting queued conversation waits; null with an empty queue. */
      oldestQueuedAt: z.iso.datetime().nullable(),
      agentsOnline: z.number().int(),
    }),
  ),
});
export type LiveOverview = z.infer<typeof liveOverviewSchema>;

/** The CSV downloads: the report's query and which of its tables (lib/services/reports/csv.ts). */
export const serviceReportCsvQuerySchema = z
  .object({
    ...serviceReportQuerySchema.shape,
    table: z
      .enum(["totals", "days", "heatmap", "agents", "skillGroups"], { error: say("reports.errors.table") })
      .default("totals")
      .meta({ description: "Which table: totals (metric, value; the default), days, heatmap (weekday 0 = Sunday by hour), agents or skillGroups.", examples: ["agents"] }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: say("reports.errors.range"), path: ["from"] });
export type ServiceReportCsvQuery = z.input<typeof serviceReportCsvQuerySchema>;

export const campaignReportCsvQuerySchema = z
  .object({
    ...campaignReportQuerySchema.shape,
    table: z
      .enum(["campaigns", "subscribers", "failures"], { error: say("reports.errors.table") })
      .default("campaigns")
      .meta({ description: "Which table: campaigns (the funnels; the default), subscribers (per day, a column per campaign id) or failures (by code).", examples: ["subscribers"] }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: say("reports.errors.range"), path: ["from"] });
export type CampaignReportCsvQuery = z.input<typeof campaignReportCsvQuerySchema>;
