/**
 * Which engine runs the app's Inngest functions, decided by configuration only:
 * - `INNGEST_DEV=<url>` (or `1`): an Inngest dev server;
 * - `INNGEST_EVENT_KEY` + `INNGEST_SIGNING_KEY`: Inngest Cloud, or self-hosted Inngest with `INNGEST_BASE_URL`;
 * - neither: the built-in executor inside the app process (lib/workflows/engine/executor.ts).
 */
export type WorkflowMode = { kind: "built-in" } | { kind: "inngest-dev"; url: string | null } | { kind: "inngest" };

export class WorkflowConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkflowConfigError";
  }
}

export function workflowMode(env: Record<string, string | undefined> = process.env): WorkflowMode {
  const dev = env.INNGEST_DEV?.trim();
  if (dev && !["0", "false"].includes(dev.toLowerCase())) {
    return { kind: "inngest-dev", url: /^https?:\/\//.test(dev) ? dev : null };
  }
  const hasEventKey = Boolean(env.INNGEST_EVENT_KEY);
  const hasSigningKey = Boolean(env.INNGEST_SIGNING_KEY);
  if (hasEventKey && hasSigningKey) return { kind: "inngest" };
  if (hasEventKey || hasSigningKey) {
    throw new WorkflowConfigError("Set both INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY to use Inngest, or neither to use the built-in executor.");
  }
  return { kind: "built-in" };
}

/**
 * WORKFLOW_EXECUTOR=off makes a web-only instance (PostgreSQL only): it serves pages, the API, the webhook
 * and the event API, and leaves running functions to the instances with the executor on (the default),
 * so that step calls never share an event loop with Meta's webhook requests.
 */
export function executorEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !["off", "0", "false", "no"].includes((env.WORKFLOW_EXECUTOR ?? "").trim().toLowerCase());
}

/** The app's own origin, which the built-in executor calls: APP_URL, else http://127.0.0.1:$PORT. */
export function appUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.APP_URL || `http://127.0.0.1:${env.PORT || 3000}`).replace(/\/+$/, "");
}

/** Where the built-in executor's event and register APIs are mounted in the app. */
export const EXECUTOR_API_PATH = "/api/inngest-executor";
export const SERVE_PATH = "/api/inngest";
/** Stand-in event key the client holds in built-in mode; the real key is put in by the client's fetch. */
export const PLACEHOLDER_EVENT_KEY = "built-in";
