"use client";

import dynamic from "next/dynamic";

/**
 * Recharts only after the page: each drawing is its own chunk, fetched in the browser once a chart mounts, so no
 * page's first load grows (scripts/bundle-budget.mjs holds each to 180 KB). Meanwhile a box of the chart's height
 * keeps the layout still.
 */
const placeholder = (height: number) => <div style={{ height }} className="animate-pulse rounded-lg bg-zinc-50" />;

export const LazySeries = dynamic(() => import("./draw-series"), { ssr: false, loading: () => placeholder(220) });
export const LazyFunnel = dynamic(() => import("./draw-funnel"), { ssr: false, loading: () => placeholder(220) });
