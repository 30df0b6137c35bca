/**
 * What every chart takes: plain, serialisable data (a server page renders the frame, the drawing loads in the
 * browser), with labels already in the reader's language. A chart is rows (a day, an hour, a step, an agent)
 * by series (the figures drawn), so the same data is the chart and its table view.
 */
export type ValueFormat = "number" | "duration" | "percent" | "rating";

export interface ChartSeries {
  key: string;
  label: string;
  format?: ValueFormat;
}

export interface ChartRow {
  /** The row's label as the axis and the table show it ("1 Nov", "14:00", "Link clicks"). */
  label: string;
  values: Record<string, number | null>;
}

/** Series colours: the accent first, then hues that stay apart for the common colour-vision deficiencies. */
export const SERIES_COLOURS = ["oklch(0.53 0.22 270)", "oklch(0.65 0.15 50)", "oklch(0.6 0.13 165)", "oklch(0.55 0.02 285)", "oklch(0.6 0.2 15)"];
