import { type CampaignRow } from "./queries";
import { type CampaignStatus } from "./schemas";
import { campaignStoppedEvent, campaignUnscheduledEvent } from "@/inngest/events/campaigns";

export const CANCELLABLE: readonly CampaignStatus[] = ["draft", "scheduled", "sending", "paused"];

export function stopEvents(before: CampaignRow, after: CampaignRow, reason: "cancelled" | "deleted") {
  return [
    ...(before.status === "scheduled" ? [campaignUnscheduledEvent(after, reason)] : []),
    ...(before.status === "sending" || before.status === "paused" ? [campaignStoppedEvent(after, reason)] : []),
  ];
}
