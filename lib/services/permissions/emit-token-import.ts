import { inngest } from "@/inngest/client";
import type { subscriptionTokenImportEvent } from "@/inngest/events/marketing";
import { logError } from "@/lib/log-error";

type ImportEvent = ReturnType<typeof subscriptionTokenImportEvent>;
type Sender = (payloads: ImportEvent[]) => Promise<unknown>;

const defaultSender: Sender = (payloads) => inngest.send(payloads);
let sender: Sender = defaultSender;

/**
 * Hands import requests to the import workflow after the request is recorded. A failure is logged, not thrown:
 * the daily import covers every eligible channel anyway, and the member can ask again.
 */
export async function emitTokenImports(payloads: ImportEvent[]): Promise<boolean> {
  if (payloads.length === 0) return true;
  try {
    await sender(payloads);
    return true;
  } catch (error) {
    logError("permissions: handing a token import to the workflow failed; the daily import will cover it", error);
    return false;
  }
}

/** Tests capture the events (and run the import themselves) instead of sending them to a workflow engine. */
export function setTokenImportEventSender(next: Sender | null): void {
  sender = next ?? defaultSender;
}
