"use client";

import { lazy, Suspense, type ComponentProps } from "react";

// React.lazy, which next/dynamic wraps: next/dynamic's own loader added about 1 KB gzip to this page's first load,
// which sits at the budget.
const BroadcastForm = lazy(() => import("./broadcast-form").then((m) => ({ default: m.BroadcastForm })));

/**
 * The recurring and marketing form, loaded when that kind is chosen: the new-campaign page's first load carries
 * the OTN form only (the bundle budget counts it), and this one arrives as its own chunk.
 */
export function BroadcastFormLoader(props: ComponentProps<typeof BroadcastForm>) {
  return (
    <Suspense fallback={<div className="h-96 animate-pulse rounded-xl border border-zinc-200 bg-white" aria-hidden="true" />}>
      <BroadcastForm {...props} />
    </Suspense>
  );
}
