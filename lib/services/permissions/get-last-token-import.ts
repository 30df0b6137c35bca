import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { getChannelInOrg } from "@/lib/services/channels";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import type { LastTokenImport } from "./constants";
import type { TokenImportResult } from "./import-subscription-tokens";

/**
 * The channel's latest subscription-token import as the audit log has it: asked and still running (a request
 * newer than the last result), or its result with its counts; null when none ever ran.
 */
export async function getLastTokenImport({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<LastTokenImport | null> {
  requirePermission(ctx, "channels.read");
  const db = await getDb();
  const channel = await getChannelInOrg(db, ctx, channelId);
  const rows = await db
    .select({ action: auditLog.action, after: auditLog.after, at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, ctx.org.id),
        inArray(auditLog.action, ["channel.subscription_tokens_import_requested", "channel.subscription_tokens_imported"]),
        eq(auditLog.resourceId, channel.id),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  const last = rows[0];
  if (!last) return null;
  if (last.action === "channel.subscription_tokens_import_requested") return { state: "running", at: last.at.toISOString() };
  const result = last.after as TokenImportResult;
  return {
    state: result.outcome,
    at: last.at.toISOString(),
    seen: result.seen,
    imported: result.imported,
    alreadyKnown: result.alreadyKnown,
    reason: result.reason ?? null,
    error: result.error ?? null,
    trigger: result.trigger,
  };
}
