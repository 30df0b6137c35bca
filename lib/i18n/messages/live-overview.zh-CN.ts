import type { liveOverviewEn } from "./live-overview.en";

/** 报表页上主管使用的实时概览。 键必须与 live-overview.en.ts 完全一致。 */
export const liveOverviewZhCN: Record<keyof typeof liveOverviewEn, string> = {
  "liveOverview.title": "实时概览",
};
