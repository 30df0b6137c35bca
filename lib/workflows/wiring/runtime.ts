import { getDatabase, getDb } from "@/db/client";
import { WorkflowExecutor } from "../engine/executor";
import { appUrl, executorEnabled, EXECUTOR_API_PATH, PLACEHOLDER_EVENT_KEY, SERVE_PATH, workflowMode } from "./mode";
import { loadOrCreateKeys, type WorkflowKeys } from "../protocol/signing";
import { componentLogger } from "@/lib/observability/logger";

const log = componentLogger("workflows");

// Process-wide state on globalThis: Next may load this module once per bundle layer (instrumentation,
// route handlers) in one process, and they must share one executor and one set of keys.
const slot = globalThis as unknown as { __workflowKeys?: Promise<WorkflowKeys>; __workflowExecutor?: Promise<WorkflowExecutor | null> };

/** The built-in executor's signing and event keys (created in the database on first use). */
export function workflowKeys(): Promise<WorkflowKeys> {
  slot.__workflowKeys ??= getDb()
    .then(loadOrCreateKeys)
    .catch((error) => {
      slot.__workflowKeys = undefined;
      throw error;
    });
  return slot.__workflowKeys;
}

/**
 * Starts the built-in executor unless Inngest is configured. Called from instrumentation.ts; the first
 * sync happens in the background and retries until the server answers on APP_URL.
 */
export function startWorkflowsIfBuiltIn(): Promise<WorkflowExecutor | null> {
  slot.__workflowExecutor ??= (async () => {
    const mode = workflowMode();
    if (mode.kind !== "built-in") {
      log.info(`run by Inngest (${mode.kind === "inngest-dev" ? `dev server ${mode.url ?? "default"}` : "INNGEST_EVENT_KEY/INNGEST_SIGNING_KEY"})`);
      return null;
    }
    const handle = await getDatabase();
    if (!executorEnabled()) {
      if (handle.kind === "postgres") {
        log.info("WORKFLOW_EXECUTOR=off, so this instance only records events; instances with the executor run them");
        return null;
      }
      log.warn("WORKFLOW_EXECUTOR=off is ignored with PGlite (one process holds the database), so the executor starts here");
    }
    const { signingKey } = await workflowKeys();
    const executor = new WorkflowExecutor({
      db: handle.db,
      serveUrl: `${appUrl()}${SERVE_PATH}`,
      signingKey,
      syncOnStart: true,
      // PGlite is opened by one process only, so any lease found at start belongs to a process that died.
      reclaimLeasesOnStart: handle.kind === "pglite",
      pollMs: handle.kind === "pglite" ? 1000 : 250,
    });
    executor.start();
    log.info(`built-in executor started (${handle.kind}) as instance ${executor.instanceId} (incarnation ${executor.incarnation}), calling ${appUrl()}${SERVE_PATH}`, {
      instanceId: executor.instanceId,
      incarnation: executor.incarnation,
    });
    return executor;
  })();
  return slot.__workflowExecutor;
}

/** Lets a running in-process executor pick up new work now (no-op when there is none). */
export function wakeWorkflows(): void {
  void slot.__workflowExecutor?.then((executor) => executor?.wake());
}

/**
 * The Inngest client's `fetch` in built-in mode: puts the real event key into event URLs and sends the
 * SDK's out-of-band register call (always `/fn/register` at the API origin) to the executor's API.
 */
export const builtInFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input.toString() : input.url);
  if (url.pathname === "/fn/register") url.pathname = `${EXECUTOR_API_PATH}/fn/register`;
  const placeholder = `${EXECUTOR_API_PATH}/e/${PLACEHOLDER_EVENT_KEY}`;
  if (url.pathname === placeholder) url.pathname = `${EXECUTOR_API_PATH}/e/${encodeURIComponent((await workflowKeys()).eventKey)}`;
  return input instanceof Request ? fetch(new Request(url, input), init) : fetch(url, init);
};
