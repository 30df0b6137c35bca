/** The supervisors' live overview on the Reports page. */
export const liveOverviewEn = {
  "liveOverview.title": "Live overview",
};
