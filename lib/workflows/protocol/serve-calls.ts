import { canonicalJson } from "./canonical-json";
import { ProtocolError } from "../workflow-errors";
import { sign, verifySignature } from "./signing";

/**
 * The executor side of Inngest's SDK protocol (docs/SDK_SPEC.md of inngest/inngest): signed POSTs to the
 * serve endpoint carrying the event and memoized step state, answered with 200 (function done),
 * 206 (step ops), or an error with `X-Inngest-No-Retry` / `Retry-After`.
 */
export interface OutgoingOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown>;
  userland?: { id?: string };
  data?: unknown;
  error?: unknown;
  timing?: unknown;
}

export type CallResult =
  | { kind: "completed"; output: unknown }
  | { kind: "error"; retriable: boolean; retryAfterMs?: number; error: SerializedError }
  | { kind: "ops"; ops: OutgoingOp[]; retriable: boolean; retryAfterMs?: number };

export interface SerializedError {
  name?: string;
  message?: string;
  stack?: string;
  [key: string]: unknown;
}

export interface CallRequest {
  url: string;
  /** "step" to discover and run the next step, or an op id to execute that planned step. */
  stepId: string;
  signingKey: string;
  event: Record<string, unknown>;
  steps: Record<string, { type: "data"; data: unknown } | { type: "error"; error: unknown }>;
  stack: string[];
  runId: string;
  attempt: number;
  maxAttempts: number;
  timeoutMs?: number;
}

export async function callFunction(request: CallRequest): Promise<CallResult> {
  const url = new URL(request.url);
  url.searchParams.set("stepId", request.stepId);
  const body = canonicalJson({
    event: request.event,
    events: [request.event],
    steps: request.steps,
    version: 2,
    ctx: {
      run_id: request.runId,
      attempt: request.attempt,
      max_attempts: request.maxAttempts,
      // No fn_id: without it the SDK does not try to checkpoint to an Inngest API that is not there.
      disable_immediate_execution: false,
      // The whole state travels in the request; the SDK must not fetch it from an API.
      use_api: false,
      stack: { stack: request.stack, current: request.stack.length },
    },
  });
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-inngest-signature": sign(body, request.signingKey),
        "x-inngest-req-version": "2",
        "x-inngest-run-id": request.runId,
      },
      signal: AbortSignal.timeout(request.timeoutMs ?? 15 * 60_000),
    });
    text = await response.text();
  } catch (error) {
    return transportError(`Could not reach ${url.origin}${url.pathname}: ${(error as Error).message}`);
  }
  if (!verifySignature(text, response.headers.get("x-inngest-signature"), request.signingKey)) {
    return transportError(`Unsigned or badly signed answer (HTTP ${response.status}) from the serve endpoint: ${text.slice(0, 200)}`);
  }
  const noRetry = response.headers.get("x-inngest-no-retry") === "true";
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    return transportError(`Malformed JSON from the serve endpoint (HTTP ${response.status})`);
  }
  if (response.status === 200) return { kind: "completed", output: parsed };
  if (response.status === 206 && Array.isArray(parsed)) {
    return { kind: "ops", ops: parsed as OutgoingOp[], retriable: !noRetry, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  const error = (parsed && typeof parsed === "object" ? parsed : { message: String(parsed) }) as SerializedError;
  return { kind: "error", retriable: !noRetry, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), error };
}

function transportError(message: string): CallResult {
  return { kind: "error", retriable: true, error: { name: "ProtocolError", message } };
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Inngest's in-band sync: a signed PUT; the SDK answers with its app id and function configs. */
export async function syncInBand(serveUrl: string, signingKey: string): Promise<{ appId: string; functions: Array<Record<string, unknown>> }> {
  const body = canonicalJson({ url: serveUrl });
  const response = await fetch(serveUrl, {
    method: "PUT",
    body,
    headers: { "content-type": "application/json", "x-inngest-signature": sign(body, signingKey), "x-inngest-sync-kind": "in_band" },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new ProtocolError(`Sync failed: HTTP ${response.status} ${text.slice(0, 300)}`, response.status);
  if (!verifySignature(text, response.headers.get("x-inngest-signature"), signingKey)) throw new ProtocolError("Sync answer is not signed with our key");
  if (response.headers.get("x-inngest-sync-kind") !== "in_band") throw new ProtocolError("The serve endpoint did not do an in-band sync (is INNGEST_ALLOW_IN_BAND_SYNC off?)");
  const parsed = JSON.parse(text) as { app_id?: string; functions?: Array<Record<string, unknown>> };
  if (!parsed.app_id || !Array.isArray(parsed.functions)) throw new ProtocolError("Sync answer has no app_id or functions");
  return { appId: parsed.app_id, functions: parsed.functions };
}
