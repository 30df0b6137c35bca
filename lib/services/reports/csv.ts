import type { CampaignReport, DurationStats, ServiceBreakdownRow, ServiceReport } from "./schemas";

/**
 * The reports' tables as CSV (RFC 4180, CRLF), one file per table, the same figures as the JSON: durations in
 * whole milliseconds, rates 0..1, empty cells for "not measured" (null). Column names are stable English
 * snake_case for spreadsheets and scripts; the page translates its own headings. A cell a spreadsheet would
 * run as a formula (names people chose) gets a leading apostrophe.
 */
export const SERVICE_CSV_TABLES = ["totals", "days", "heatmap", "agents", "skillGroups"] as const;
export type ServiceCsvTable = (typeof SERVICE_CSV_TABLES)[number];
export const CAMPAIGN_CSV_TABLES = ["campaigns", "subscribers", "failures"] as const;
export type CampaignCsvTable = (typeof CAMPAIGN_CSV_TABLES)[number];

type Cell = string | number | boolean | null | undefined;

function cell(value: Cell): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

const STAT_PARTS = ["count", "median_ms", "p90_ms", "average_ms"] as const;
const statColumns = (name: string) => STAT_PARTS.map((p) => `${name}_${p}`);
const statCells = (s: DurationStats): Cell[] => [s.count, s.medianMs, s.p90Ms, s.averageMs];

const BREAKDOWN_HEADER = ["id", "name", "conversations_resolved", "messages_out", ...statColumns("first_response"), ...statColumns("handle"), ...statColumns("resolution"), "csat_average", "csat_rated"];
const breakdownCells = (r: ServiceBreakdownRow): Cell[] => [r.id, r.name, r.conversationsResolved, r.messagesOut, ...statCells(r.firstResponse), ...statCells(r.handle), ...statCells(r.resolution), r.csatAverage, r.csatRated];

export function serviceReportCsv(report: ServiceReport, table: ServiceCsvTable): string {
  switch (table) {
    case "totals": {
      const t = report.totals;
      const rows: Cell[][] = [
        ["conversations_new", t.conversationsNew],
        ["conversations_resolved", t.conversationsResolved],
        ["conversations_reopened", t.conversationsReopened],
        ["messages_in", t.messagesIn],
        ["messages_out", t.messagesOut],
      ];
      for (const [name, s] of [["first_response", t.firstResponse], ["wait", t.wait], ["handle", t.handle], ["resolution", t.resolution]] as const) {
        statColumns(name).forEach((column, i) => rows.push([column, statCells(s)[i]]));
      }
      const c = t.csat;
      rows.push(["csat_asked", c.asked], ["csat_skipped", c.skipped], ["csat_rated", c.rated], ["csat_response_rate", c.responseRate], ["csat_average", c.average]);
      c.distribution.forEach((n, i) => rows.push([`csat_rated_${i + 1}`, n]));
      rows.push(["csat_comments", c.comments]);
      const b = t.bot;
      rows.push(["bot_answered", b.answered], ["bot_suggested", b.suggested], ["bot_unanswered", b.unanswered], ["bot_helpful", b.helpful], ["bot_unhelpful", b.unhelpful], ["bot_helpful_rate", b.helpfulRate], ["bot_handovers", b.handovers]);
      return toCsv(["metric", "value"], rows);
    }
    case "days":
      return toCsv(
        ["date", "conversations_new", "conversations_resolved", "conversations_reopened", "messages_in", "messages_out", "csat_average"],
        report.days.map((d) => [d.date, d.conversationsNew, d.conversationsResolved, d.conversationsReopened, d.messagesIn, d.messagesOut, d.csatAverage]),
      );
    case "heatmap":
      // Weekday 0 is Sunday, as in the JSON; hours of the organisation's time zone.
      return toCsv(["weekday", ...Array.from({ length: 24 }, (_, h) => `hour_${h}`)], report.heatmap.map((row, weekday) => [weekday, ...row]));
    case "agents":
      return toCsv(BREAKDOWN_HEADER, report.agents.map(breakdownCells));
    case "skillGroups":
      return toCsv(BREAKDOWN_HEADER, report.skillGroups.map(breakdownCells));
  }
}

export function campaignReportCsv(report: CampaignReport, table: CampaignCsvTable): string {
  switch (table) {
    case "campaigns":
      return toCsv(
        ["campaign_id", "name", "status", "channel_id", "link_clicks", "requests_sent", "requests_skipped", "subscribers", "sent", "failed", "expired"],
        report.campaigns.map((c) => [c.campaignId, c.name, c.status, c.channelId, c.linkClicks, c.requestsSent, c.requestsSkipped, c.subscribers, c.sent, c.failed, c.expired]),
      );
    case "subscribers":
      // One column per campaign, headed by its id (names may repeat), in the order of the campaigns table.
      return toCsv(["date", ...report.campaigns.map((c) => c.campaignId)], report.subscribersByDay.map((d) => [d.date, ...d.counts]));
    case "failures":
      return toCsv(
        ["campaign_id", "name", "code", "reason", "count"],
        report.campaigns.flatMap((c) => c.failures.map((f) => [c.campaignId, c.name, f.code, f.reason, f.count])),
      );
  }
}
