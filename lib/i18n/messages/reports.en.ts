/** Reports: the service and campaign reports, their filters, charts and exports. */
export const reportsEn = {
  "reports.errors.date": "Enter a date as YYYY-MM-DD.",
  "reports.errors.range": "The first day must not be after the last day.",
  "reports.errors.tooLong": "Choose a range of at most 366 days.",
  "reports.errors.preset": "Choose today, 7d, 30d or custom.",
  "reports.errors.id": "That is not a valid id.",
  "reports.errors.campaigns": "Compare at most 10 campaigns, by their ids separated by commas.",
  "reports.chart.tableView": "Table view",
  "reports.chart.step": "Step",
  "reports.chart.count": "Count",
  "reports.chart.shareOfFirst": "Share of the first step",
  "reports.chart.heatCell": "{row} {column}: {count}",
  "reports.chart.day": "Day",
  "reports.chart.hour": "Hour",
};
