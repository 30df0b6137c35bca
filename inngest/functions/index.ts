import { workflowPing } from "./ping";

/** Every Inngest function the app serves at /api/inngest. Later issues append theirs here. */
export const functions = [workflowPing];
