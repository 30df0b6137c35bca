import { inngest } from "@/inngest/client";
import { PURGE_BATCH_SIZE, purgeDeletedOrganizations } from "@/lib/services/organizations";

// A run stops after this many batches and the next run continues, so one run never runs for long.
const MAX_BATCHES_PER_RUN = 50;

/**
 * Hourly: removes the organisations whose deletion grace period has ended, with all their data. Instance-wide,
 * no org (the organisations it removes have nobody left to scope a run to). Hourly rather than daily so the data
 * is gone within an hour of the date the owner was shown.
 */
export const purgeDeletedOrganizationsFunction = inngest.createFunction(
  { id: "purge-deleted-organizations", retries: 2, concurrency: { limit: 1 }, triggers: [{ cron: "41 * * * *" }] },
  async ({ step }) => {
    let purged = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const n = await step.run(`purge-batch-${batch}`, () => purgeDeletedOrganizations());
      purged += n;
      if (n < PURGE_BATCH_SIZE) break;
    }
    return { purged };
  },
);
