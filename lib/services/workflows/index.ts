/**
 * Settings → Workflows: the runs of the app's Inngest functions, scoped to the organisation through the org id
 * of their triggering event. A signed-in instance owner (granted by `npm run admin:grant-owner`) sees every organisation's runs.
 * Dates are ISO strings so views cross to the browser as they are.
 */
export * from "./schemas";
export { cancelWorkflowRun } from "./cancel-workflow-run";
export { getWorkflowRun } from "./get-workflow-run";
export { listWorkflowRuns } from "./list-workflow-runs";
export { retryWorkflowRun } from "./retry-workflow-run";
export { type RunSummaryView, runScope } from "./run-views";
