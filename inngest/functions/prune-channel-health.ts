import { inngest } from "@/inngest/client";
import { PRUNE_BATCH_SIZE, pruneChannelErrorsBatch } from "@/lib/services/channel-health";

// A run stops after this many batches and the next day's run continues, so one run never runs for long.
const MAX_BATCHES_PER_RUN = 200;

/** Daily: deletes channel errors past the retention period, in batches. Instance-wide, no org. */
export const pruneChannelHealth = inngest.createFunction(
  { id: "prune-channel-health", retries: 2, concurrency: { limit: 1 }, triggers: [{ cron: "17 3 * * *" }] },
  async ({ step }) => {
    let deleted = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const n = await step.run(`delete-batch-${batch}`, () => pruneChannelErrorsBatch());
      deleted += n;
      if (n < PRUNE_BATCH_SIZE) break;
    }
    return { deleted };
  },
);
