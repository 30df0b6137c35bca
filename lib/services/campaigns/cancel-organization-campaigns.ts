import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { CampaignEvent } from "@/inngest/events/campaigns";
import type { OrgContext } from "@/lib/tenancy/context";
import { emitCampaignEvents } from "./emit-campaign-events";
import { auditView } from "./queries";
import { stopEvents } from "./stop-campaign";

// Drafts never send, so they stay as they are; everything that would send (or resume) is cancelled.
const SENDING_OR_DUE = ["scheduled", "sending", "paused"] as const;

/**
 * Cancels every campaign of the organisation that would still send, inside the caller's transaction (the
 * organisation being scheduled for deletion). Returns what to run after commit: the workflow events that stop
 * the scheduled runs and the sends in flight.
 */
export async function cancelOrganizationCampaigns(tx: DbOrTx, ctx: OrgContext): Promise<() => Promise<void>> {
  const live = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.orgId, ctx.org.id), inArray(campaigns.status, [...SENDING_OR_DUE])))
    .for("update");
  const events: CampaignEvent[] = [];
  for (const before of live) {
    const [after] = await tx
      .update(campaigns)
      .set({ status: "cancelled", finishedAt: new Date(), scheduleVersion: before.scheduleVersion + 1 })
      .where(eq(campaigns.id, before.id))
      .returning();
    await recordAudit(tx, ctx, { action: "campaign.cancelled", resourceId: before.id, before: auditView(before), after: auditView(after) });
    events.push(...stopEvents(before, after, "cancelled"));
  }
  return () => emitCampaignEvents(events);
}
