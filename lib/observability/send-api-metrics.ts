import { metrics } from "./metrics";

/** Per Page: calls answered in the current second and in the one before (one entry per Page this process sends for). */
const windows = new Map<string, { second: number; count: number; previous: number }>();

/** One Send API call answered: counted by outcome and in the Page's per-second window. */
export function recordSendApiCall(pageId: string, outcome: string): void {
  metrics().sendApiCalls.inc({ page_id: pageId, outcome });
  const second = Math.floor(Date.now() / 1000);
  const window = windows.get(pageId);
  if (!window) windows.set(pageId, { second, count: 1, previous: 0 });
  else if (window.second === second) window.count++;
  else {
    window.previous = window.second === second - 1 ? window.count : 0;
    window.second = second;
    window.count = 1;
  }
}

/** The rate a campaign send holds the Page to, beside its calls per second. */
export function recordSendApiLimit(pageId: string, perSecond: number): void {
  metrics().sendApiLimitPerSecond.set({ page_id: pageId }, perSecond);
}

/** At scrape: each Page's calls in the last whole second. */
export function updateSendRateGauges(): void {
  const second = Math.floor(Date.now() / 1000);
  const gauge = metrics().sendApiCallsLastSecond;
  for (const [pageId, window] of windows) {
    const lastSecond = window.second === second ? window.previous : window.second === second - 1 ? window.count : 0;
    gauge.set({ page_id: pageId }, lastSecond);
  }
}
