"use client";

import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import type { TimelineActivity } from "@/lib/services/conversations/schemas";
import { activitySentence } from "./activity-sentence";

/** A desk event in the thread: one centred line in words, with its time. */
export function ActivityEntry({ activity }: { activity: TimelineActivity }) {
  const { t } = useI18n();
  return (
    <li className="flex items-center gap-3 text-[11px] text-zinc-500" data-testid="activity" data-kind={activity.kind}>
      <span className="h-px flex-1 bg-zinc-200" aria-hidden />
      <span className="max-w-[80%] text-center">
        {activitySentence(activity, t)} · <Time iso={activity.at} />
      </span>
      <span className="h-px flex-1 bg-zinc-200" aria-hidden />
    </li>
  );
}
