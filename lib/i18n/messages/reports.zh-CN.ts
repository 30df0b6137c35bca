import type { reportsEn } from "./reports.en";

/** 报表：服务报表与活动报表、筛选、图表与导出。 键必须与 reports.en.ts 完全一致。 */
export const reportsZhCN: Record<keyof typeof reportsEn, string> = {
  "reports.errors.date": "请按 YYYY-MM-DD 输入日期。",
  "reports.errors.range": "开始日期不能晚于结束日期。",
  "reports.errors.tooLong": "时间范围最长 366 天。",
  "reports.errors.preset": "请选择今天、7 天、30 天或自定义。",
  "reports.errors.id": "ID 无效。",
  "reports.errors.campaigns": "最多比较 10 个活动，用英文逗号分隔其 ID。",
  "reports.chart.tableView": "表格视图",
  "reports.chart.step": "步骤",
  "reports.chart.count": "数量",
  "reports.chart.shareOfFirst": "占第一步的比例",
  "reports.chart.heatCell": "{row} {column}：{count}",
  "reports.chart.day": "日期",
  "reports.chart.hour": "小时",
};
