import { getDb } from "@/db/client";
import { channelErrors } from "@/db/schema";
import { logError } from "@/lib/log-error";

/** Records a problem for the health panel. Never throws: a failing error log must not change the answer to Meta. */
export async function recordChannelError(
  orgId: string,
  channelId: string,
  kind: (typeof channelErrors.$inferInsert)["kind"],
  reason: string,
  graphCode?: number,
): Promise<void> {
  try {
    const db = await getDb();
    await db.insert(channelErrors).values({ orgId, channelId, kind, reason: reason.slice(0, 500), graphCode });
  } catch (error) {
    logError("webhook: could not record a channel error", error);
  }
}

