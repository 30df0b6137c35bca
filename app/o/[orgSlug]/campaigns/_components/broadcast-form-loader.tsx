"use client";

import dynamic from "next/dynamic";

/**
 * The recurring and marketing form, loaded when that kind is chosen: the new-campaign page's first load carries
 * the OTN form only (the bundle budget counts it), and this one arrives as its own chunk.
 */
export const BroadcastFormLoader = dynamic(() => import("./broadcast-form").then((m) => m.BroadcastForm), {
  loading: () => <div className="h-96 animate-pulse rounded-xl border border-zinc-200 bg-white" aria-hidden="true" />,
});
