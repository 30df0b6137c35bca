"use client";

import { useEffect, useSyncExternalStore, type ReactNode } from "react";
import { focusLost } from "@/components/ui/focus";
import { isoToLocal } from "./local-time";

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

/**
 * What both campaign forms do once hydrated: focus the name of a new campaign (autoFocus does nothing on a field
 * disabled at hydration), unless the user has already gone somewhere else; and show an edited campaign's start in
 * the organisation's zone (known only in the browser's Intl, so filled in after hydration).
 */
export function useFormStart(
  form: { setFocus: (name: "name") => void; resetField: (name: "scheduledAt", options: { defaultValue: string }) => void },
  { hydrated, editing, scheduledIso, timeZone }: { hydrated: boolean; editing: boolean; scheduledIso: string | null; timeZone: string },
): void {
  const { setFocus, resetField } = form;
  useEffect(() => {
    if (hydrated && !editing && focusLost()) setFocus("name");
  }, [hydrated, editing, setFocus]);
  useEffect(() => {
    if (scheduledIso) resetField("scheduledAt", { defaultValue: isoToLocal(scheduledIso, timeZone) });
  }, [scheduledIso, resetField, timeZone]);
}
