import { subscriptionTokenImportEvent } from "@/inngest/events/marketing";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { getChannelInOrg } from "@/lib/services/channels";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { emitTokenImports } from "./emit-token-import";
import { marketingEligibility } from "./marketing-eligibility";

/**
 * "Import subscribers from Meta": asks the import workflow to bring the channel's Marketing Messages
 * subscription tokens into the ledger (it answers before the import runs). Those who run campaigns may ask;
 * a channel that may not offer Marketing Messages is refused with the reason (409), another organisation's
 * channel is not found. Audited; the result is audited when the import ends.
 */
export async function requestSubscriptionTokenImport({ ctx, channelId, now = new Date() }: { ctx: OrgContext; channelId: string; now?: Date }): Promise<{ channelId: string; requestedAt: string }> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const channel = await db.transaction(async (tx) => {
    const row = await getChannelInOrg(tx, ctx, channelId);
    const eligibility = marketingEligibility(row);
    if (!eligibility.eligible) throw new ConflictError(eligibility.reason);
    if (row.pageAccessTokenSealed === null) throw new ConflictError("channels.errors.disconnected");
    await recordAudit(tx, ctx, { action: "channel.subscription_tokens_import_requested", resourceId: row.id });
    return row;
  });
  const requestedAt = now.toISOString();
  await emitTokenImports([subscriptionTokenImportEvent({ orgId: ctx.org.id, channelId: channel.id, trigger: "member" }, `member-${now.getTime()}`)]);
  return { channelId: channel.id, requestedAt };
}
