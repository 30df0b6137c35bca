import { eventType } from "inngest";
import { z } from "zod";
import { orgId } from "./org";

/** What one import (or one run of it) counted: tokens Meta listed, stored now, and already in the ledger. */
export const tokenImportCountsSchema = z.object({ seen: z.number().int(), imported: z.number().int(), alreadyKnown: z.number().int() });

/**
 * Import the channel's Marketing Messages subscription tokens from Meta's token list into the permissions
 * ledger: asked by a member ("Import subscribers from Meta") or by the daily run. `after` and `carried` continue
 * a long import in a fresh run (the cursor to go on from, what earlier runs counted).
 */
const importRequestSchema = z.object({
  orgId,
  channelId: z.uuid(),
  trigger: z.enum(["member", "daily"]),
  after: z.string().optional(),
  carried: tokenImportCountsSchema.optional(),
  part: z.number().int().optional(),
});
export const subscriptionTokenImportRequested = eventType("marketing/subscription-tokens.import-requested", { schema: importRequestSchema });

export type SubscriptionTokenImportRequest = z.infer<typeof importRequestSchema>;

/**
 * The event's id names the channel and the occasion (a member's request by its time, the daily run by its day),
 * so the same request sent twice is one import.
 */
export function subscriptionTokenImportEvent(data: SubscriptionTokenImportRequest, occasion: string) {
  const part = data.part ? `-part-${data.part}` : "";
  return subscriptionTokenImportRequested.create(data, { id: `token-import-${data.channelId}-${occasion}${part}` });
}
