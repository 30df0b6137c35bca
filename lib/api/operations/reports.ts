import {
  campaignReportCsvQuerySchema,
  campaignReportQuerySchema,
  campaignReportSchema,
  serviceReportCsvQuerySchema,
  serviceReportQuerySchema,
  serviceReportSchema,
} from "@/lib/services/reports/schemas";
import { named, type ApiOperation } from "./define";

const tags = ["Reports"];
const ranges =
  "Ranges are days of the organisation's time zone (`range.timeZone`), from and to inclusive, at most 366: a preset (today, 7d, 30d, ending today; default 7d) or `from`/`to`. " +
  "A day with a daylight-saving change is that day's 23 or 25 hours.";

/** The service and campaign reports (issue 16), read from rollups kept by the database, never from messages. */
export const reportOperations: ApiOperation[] = [
  {
    operationId: "getServiceReport",
    method: "GET",
    path: "/reports/service",
    summary: "The service report",
    description:
      `${ranges} Volumes (new, resolved and reopened conversations; messages in and out) per day and in total, messages in by weekday and hour, ` +
      "the clocks (first response, wait in queue, handle, resolution: count, median, p90 and average in milliseconds, each on the day it stopped), satisfaction surveys and the bot's figures, " +
      "per agent and per skill group. Filters narrow everything to a channel, a skill group or an agent; with an agent, what belongs to no agent (messages in, openings, the bot) is zero. " +
      "The same tables as CSV: `downloadServiceReportCsv`.",
    tags,
    permission: "reports.service",
    query: serviceReportQuerySchema,
    response: { status: 200, description: "The report.", body: named("ServiceReport", serviceReportSchema) },
  },
  {
    operationId: "getCampaignReport",
    method: "GET",
    path: "/reports/campaigns",
    summary: "Campaign reports, side by side",
    description:
      `${ranges} Each campaign's funnel (link clicks, requests, subscribers, sent, failed, expired: lifetime counters), its failures by Meta's error code, and new subscribers (people, on their first "Notify Me") per day of the range. ` +
      "`campaignIds` picks up to 10 campaigns in that order; by default the campaigns with activity in the range. The same tables as CSV: `downloadCampaignReportCsv`.",
    tags,
    permission: "reports.read",
    query: campaignReportQuerySchema,
    response: { status: 200, description: "The report.", body: named("CampaignReport", campaignReportSchema) },
  },
  {
    operationId: "downloadServiceReportCsv",
    method: "GET",
    base: "downloads",
    path: "/reports/service.csv",
    summary: "A table of the service report as CSV",
    description:
      "The same range and filters as `getServiceReport` and one `table`. Durations in milliseconds, rates 0..1, an empty cell where nothing was measured. Columns: " +
      "totals: metric, value; days: date, conversations_new, conversations_resolved, conversations_reopened, messages_in, messages_out, csat_average; heatmap: weekday (0 Sunday), hour_0..hour_23; " +
      "agents and skillGroups: id, name, conversations_resolved, messages_out, then count, median_ms, p90_ms, average_ms of first_response, handle and resolution, csat_average, csat_rated.",
    tags,
    permission: "reports.service",
    query: serviceReportCsvQuerySchema,
    response: { status: 200, description: "The CSV file: UTF-8 with a byte-order mark, so Excel reads Chinese names right.", body: { kind: "file", contentType: "text/csv" } },
  },
  {
    operationId: "downloadCampaignReportCsv",
    method: "GET",
    base: "downloads",
    path: "/reports/campaigns.csv",
    summary: "A table of the campaign report as CSV",
    description:
      "The same range and campaigns as `getCampaignReport` and one `table`. Columns: campaigns: campaign_id, name, status, channel_id, link_clicks, requests_sent, requests_skipped, subscribers, sent, failed, expired; " +
      "subscribers: date, then one column per campaign id; failures: campaign_id, name, code, reason, count.",
    tags,
    permission: "reports.read",
    query: campaignReportCsvQuerySchema,
    response: { status: 200, description: "The CSV file: UTF-8 with a byte-order mark, so Excel reads Chinese names right.", body: { kind: "file", contentType: "text/csv" } },
  },
];
