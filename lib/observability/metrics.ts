import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics (served at /api/metrics, see docs/operations.md). Counters and histograms
 * are kept in memory by the code that sees the event; the gauges that need the database are filled at
 * scrape time (database-gauges.ts). Everything hangs off one registry on globalThis: Next may load this
 * module once per bundle layer (instrumentation, route handlers, the pages router) in one process, and two
 * registries would each count half.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "messenger_desk_" });
  const registers = [registry];
  return {
    registry,
    webhookRequests: new Counter({
      name: "messenger_webhook_requests_total",
      help: "Requests to Meta's webhook URLs, by method and the status we answered",
      labelNames: ["method", "status"] as const,
      registers,
    }),
    webhookEvents: new Counter({
      name: "messenger_webhook_events_total",
      help: "Messaging events in signed webhook deliveries: stored (new), redelivered (already stored), dropped (malformed or refused)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    webhookAckSeconds: new Histogram({
      name: "messenger_webhook_ack_seconds",
      help: "Time from a webhook POST's arrival to our answer (what Meta judges us by)",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    webhookEventsWaiting: new Gauge({
      name: "messenger_webhook_events_waiting",
      help: "Webhook events stored but not processed yet (all instances; read from the database at scrape)",
      registers,
    }),
    webhookOldestWaitingSeconds: new Gauge({
      name: "messenger_webhook_oldest_waiting_seconds",
      help: "Age of the oldest webhook event waiting for processing (0 when none)",
      registers,
    }),
    sendApiCalls: new Counter({
      name: "messenger_send_api_calls_total",
      help: "Send API calls (POST /{page-id}/messages) by Page and outcome: sent, or the class of Meta's error, or network",
      labelNames: ["page_id", "outcome"] as const,
      registers,
    }),
    sendApiCallsLastSecond: new Gauge({
      name: "messenger_send_api_calls_last_second",
      help: "Send API calls of this process answered for the Page in the last whole second (against messenger_send_api_limit_per_second)",
      labelNames: ["page_id"] as const,
      registers,
    }),
    sendApiLimitPerSecond: new Gauge({
      name: "messenger_send_api_limit_per_second",
      help: "The rate a campaign send of this process holds the Page to (calls per second; 0 = unlimited)",
      labelNames: ["page_id"] as const,
      registers,
    }),
    workflowRuns: new Gauge({
      name: "messenger_workflow_runs",
      help: "Workflow runs not finished, by state (queued, running, waiting; all instances; read at scrape)",
      labelNames: ["state"] as const,
      registers,
    }),
    workflowRunsFinished: new Counter({
      name: "messenger_workflow_runs_finished_total",
      help: "Workflow runs this process saw finish, by final state (completed, failed, cancelled)",
      labelNames: ["state"] as const,
      registers,
    }),
    workflowStepSeconds: new Histogram({
      name: "messenger_workflow_step_seconds",
      help: "A step.run or step.sendEvent handler, from its start to its result (measured in the function, whichever executor calls it)",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    workflowSleepersOverdue: new Gauge({
      name: "messenger_workflow_sleepers_overdue",
      help: "Sleeps and wait time-outs due more than 5 s ago and not woken (all instances; read at scrape)",
      registers,
    }),
    databaseConnections: new Gauge({
      name: "messenger_database_connections",
      help: "PostgreSQL connections of the app (application_name messenger-desk, every instance) by state (active, idle, ...)",
      labelNames: ["state"] as const,
      registers,
    }),
    databaseScrapeUp: new Gauge({
      name: "messenger_metrics_database_up",
      help: "1 when the database gauges of this scrape were read, 0 when the database did not answer in time",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const slot = globalThis as unknown as { __messengerDeskMetrics?: Metrics };

export function metrics(): Metrics {
  return (slot.__messengerDeskMetrics ??= createMetrics());
}
