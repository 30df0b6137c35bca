/**
 * The dashboard's charts on Recharts, each with a table view (ChartFrame). Pages pass plain data and translated
 * labels; the drawings load after the page (lazy.tsx).
 */
export { ChartFrame } from "./chart-frame";
export { SeriesChart } from "./series-chart";
export { FunnelChart } from "./funnel-chart";
export { HeatmapChart } from "./heatmap-chart";
export type { ChartRow, ChartSeries, ValueFormat } from "./types";
