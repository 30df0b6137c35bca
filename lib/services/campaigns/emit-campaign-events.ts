import { inngest } from "@/inngest/client";
import type { CampaignEvent } from "@/inngest/events/campaigns";
import { logError } from "@/lib/log-error";

type Sender = (payloads: CampaignEvent[]) => Promise<unknown>;

let sender: Sender = (payloads) => inngest.send(payloads);

/**
 * Sends campaign workflow events after the change they describe has committed. A failure is logged, not
 * thrown: the database is the truth, and the minute sweeper (campaign-sweep) starts due campaigns whose
 * scheduled run never began.
 */
export async function emitCampaignEvents(payloads: CampaignEvent[]): Promise<void> {
  if (payloads.length === 0) return;
  try {
    await sender(payloads);
  } catch (error) {
    logError("campaigns: sending workflow events failed; the sweeper will start due campaigns", error);
  }
}

/** Tests and benchmarks capture the events instead of sending them to a workflow engine. */
export function setCampaignEventSender(next: Sender | null): void {
  sender = next ?? ((payloads) => inngest.send(payloads));
}
