import { inngest } from "@/inngest/client";
import { EXPIRE_BATCH_SIZE, expireMessagePermissionsBatch } from "@/lib/services/permissions";

// A run stops after this many batches and the next run continues, so one run never runs for long.
const MAX_BATCHES_PER_RUN = 50;

/**
 * Every ten minutes: recurring-notification and Marketing Messages permissions past their expiry become
 * expired (instance-wide, no org). Reads already treat a passed expiry as expired; this keeps the stored status
 * (which sends and counts select on) true.
 */
export const expireMessagePermissions = inngest.createFunction(
  { id: "expire-message-permissions", retries: 2, concurrency: { limit: 1 }, triggers: [{ cron: "*/10 * * * *" }] },
  async ({ step }) => {
    let expired = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const n = await step.run(`expire-batch-${batch}`, () => expireMessagePermissionsBatch());
      expired += n;
      if (n < EXPIRE_BATCH_SIZE) break;
    }
    return { expired };
  },
);
