"use client";

import { useSyncExternalStore, type ReactNode } from "react";

/** One titled part of a campaign form (basics, content, audience, schedule, budget): a fieldset with its legend. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-xs">
      <legend className="px-1 text-sm font-semibold text-zinc-900">{title}</legend>
      {children}
    </fieldset>
  );
}

const noSubscription = () => () => {};

/**
 * False on the server and in the first render in the browser, true once hydrated: the forms keep their fields
 * disabled until then, so nothing typed before hydration is lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
