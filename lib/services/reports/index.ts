/** Reports (issue 16): the service report, campaign reports and their CSV (read from rollups, never from messages), and the supervisors' live overview. */
export * from "./schemas";
export { getServiceReport } from "./get-service-report";
export { rebuildReportDays } from "./day-layer-zone";
export { getCampaignReport } from "./get-campaign-report";
export { getLiveOverview } from "./get-live-overview";
export { resolveRange, todayIn, type ReportRange } from "./resolve-range";
export { serviceReportCsv, campaignReportCsv, SERVICE_CSV_TABLES, CAMPAIGN_CSV_TABLES, type ServiceCsvTable, type CampaignCsvTable } from "./csv";
