import { inngest } from "@/inngest/client";
import { conversationResolvedEvent } from "@/inngest/events/desk";
import { logError } from "@/lib/log-error";

export interface Resolution {
  orgId: string;
  channelId: string;
  conversationId: string;
  resolutionActivityId: string;
}

type Sender = (payloads: ReturnType<typeof conversationResolvedEvent>[]) => Promise<unknown>;

const defaultSender: Sender = (payloads) => inngest.send(payloads);
let sender: Sender = defaultSender;

/**
 * Hands resolutions to the satisfaction survey's workflow once they have committed. A failure is logged, not
 * thrown: the conversation is resolved either way, and a survey that was not asked is the lesser loss.
 */
export async function emitResolutions(resolutions: Resolution[]): Promise<void> {
  if (resolutions.length === 0) return;
  try {
    await sender(resolutions.map(conversationResolvedEvent));
  } catch (error) {
    logError("desk: handing resolutions to the satisfaction survey failed", error);
  }
}

/** Tests capture the events (and run the survey's step themselves) instead of sending them to a workflow engine. */
export function setResolutionEventSender(next: Sender | null): void {
  sender = next ?? defaultSender;
}
