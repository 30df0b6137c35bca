import { Inngest, type ClientOptions } from "inngest";
import { safeConsoleLogger } from "@/lib/log-error";
import { WorkflowLogging } from "@/lib/observability/workflow-logging";
import { appUrl, EXECUTOR_API_PATH, PLACEHOLDER_EVENT_KEY, workflowMode } from "@/lib/workflows/wiring/mode";
import { builtInFetch } from "@/lib/workflows/wiring/runtime";

/**
 * The app's one Inngest client. With Inngest configured (INNGEST_DEV, or INNGEST_EVENT_KEY and
 * INNGEST_SIGNING_KEY) it uses the SDK's defaults. Otherwise it talks to the built-in executor in this
 * app: cloud mode (every call to /api/inngest must be signed), events sent to the executor's event API.
 * The keys live in the database; the serve route and `builtInFetch` load them, nothing is hard-coded.
 */
function clientOptions(): Omit<ClientOptions, "id"> {
  if (workflowMode().kind !== "built-in") return {};
  return {
    isDev: false,
    eventKey: PLACEHOLDER_EVENT_KEY,
    baseUrl: `${appUrl()}${EXECUTOR_API_PATH}/`,
    fetch: builtInFetch,
  };
}

// The SDK logs the errors it catches (a failing step, a failed request) as objects: through our logger,
// a database error shows its code and message, never its parameters.
// WorkflowLogging writes each run and step with its ids (never its data) and times the steps.
export const inngest = new Inngest({ id: "messenger-desk", logger: safeConsoleLogger, middleware: [WorkflowLogging], ...clientOptions() });
