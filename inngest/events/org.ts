import { z } from "zod";

/**
 * Every payload carries the organisation id: the executor records it on the run (Settings → Workflows is
 * scoped by it) and every function re-checks it in its first step (inngest/functions/check-org.ts).
 */
export const orgId = z.uuid();
