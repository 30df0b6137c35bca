import { inngest } from "@/inngest/client";
import { checkChannelTokensBatch, type TokenCheckBatch } from "@/lib/services/channels";

// A run stops after this many batches (10,000 channels) and the next day's run starts over, so one run never runs long.
const MAX_BATCHES_PER_RUN = 200;

/**
 * Daily: asks Meta (`debug_token`) whether every connected channel's Page token still works, in batches, and flags
 * the dead ones "reconnect needed" (their owners and admins are told once). Instance-wide, no org: each batch
 * step reads the channels it checks and acts for each channel's own organisation.
 */
export const checkChannelTokens = inngest.createFunction(
  { id: "check-channel-tokens", retries: 2, concurrency: { limit: 1 }, triggers: [{ cron: "23 4 * * *" }] },
  async ({ step }) => {
    const totals = { valid: 0, invalid: 0, unchecked: 0 };
    let after: string | null = null;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const cursor: string | null = after;
      const result: TokenCheckBatch = await step.run(`check-batch-${batch}`, (): Promise<TokenCheckBatch> => checkChannelTokensBatch({ after: cursor }));
      totals.valid += result.valid;
      totals.invalid += result.invalid;
      totals.unchecked += result.unchecked;
      after = result.next;
      if (!after) break;
    }
    return totals;
  },
);
