import { NonRetriableError } from "inngest";
import { eventOrgMismatch, type EventResources } from "@/lib/tenancy/event-org";

/** The part of a function's `step` this needs (any function's step tools fit). */
interface StepRunner {
  run(id: string, fn: () => Promise<void>): Promise<unknown>;
}

/**
 * Every function's first step: the event's `orgId` still exists and owns the resources the event names.
 * A mismatch ends the run before any side effect, without retries (retrying cannot make it true).
 */
export async function recheckEventOrg(step: StepRunner, orgId: string, resources: EventResources = {}): Promise<void> {
  await step.run("check-org", async () => {
    const mismatch = await eventOrgMismatch(orgId, resources);
    if (mismatch) throw new NonRetriableError(`event refused: ${mismatch}`);
  });
}
