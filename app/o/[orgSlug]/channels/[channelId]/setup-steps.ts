import type { ChannelHealth, ConnectionCheck } from "@/lib/services/channels";
import type { Channel } from "@/lib/services/channels/schemas";
import type { StepState } from "./setup-guide";

/**
 * The state of each setup-guide step, from what Messenger Desk can know: the last connection check (this
 * visit's, or the stored one), the events received and the subscribed webhook fields.
 */
export function setupSteps({
  channel,
  health,
  check,
  requiredFields,
}: {
  channel: Channel;
  health: ChannelHealth;
  check: ConnectionCheck | null;
  requiredFields: string[];
}): StepState[] {
  // Did the last connection check pass? A failed check records a "connection" error at its time.
  const lastCheckFailed =
    check !== null
      ? !check.ok && check.failedStep !== "subscribe"
      : channel.reconnectNeeded ||
        (channel.lastCheckedAt !== null && health.recentErrors.some((e) => e.kind === "connection" && new Date(e.at).getTime() >= new Date(channel.lastCheckedAt!).getTime() - 1_000));
  const lastCheckPassed = channel.lastCheckedAt !== null && !lastCheckFailed;
  const allSubscribed = requiredFields.every((f) => channel.subscribedFields.includes(f));
  const failedStep = check && !check.ok ? check.failedStep : undefined;
  return [
    "done",
    channel.pageName && failedStep !== "page" ? "done" : failedStep === "page" ? "failed" : "todo",
    lastCheckPassed ? "done" : lastCheckFailed ? "failed" : "todo",
    health.lastEventAt ? "done" : "todo",
    allSubscribed ? "done" : "todo",
    "unknown",
  ];
}
