import { timingSafeEqual } from "node:crypto";
import type { Db } from "@/db/client";
import { EventApiError } from "../workflow-errors";
import { ingestEvents, type EventPayload } from "../engine/event-intake";
import { registerApp } from "../engine/registry";
import { hashSigningKey } from "./signing";
import { logError } from "@/lib/log-error";

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Inngest's event API, `POST /e/{eventKey}` with one event or an array. Answers `{ ids, status: 200 }`
 * like Inngest does, which is what `inngest.send()` and `step.sendEvent` expect.
 */
export async function handleEventApi(db: Db, eventKey: string, givenKey: string, rawBody: string, onStored?: () => void): Promise<HttpAnswer> {
  if (!sameSecret(givenKey, eventKey)) return { status: 401, body: { error: "Event key not found", status: 401 } };
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return { status: 400, body: { error: "Body is not JSON", status: 400 } };
  }
  const events = (Array.isArray(payload) ? payload : [payload]) as EventPayload[];
  try {
    const { ids, runnable } = await ingestEvents(db, events);
    if (runnable > 0) onStored?.();
    return { status: 200, body: { ids, status: 200 } };
  } catch (error) {
    if (error instanceof EventApiError) return { status: error.status, body: { error: error.message, status: error.status } };
    throw error;
  }
}

/**
 * Inngest's register endpoint, used by an out-of-band sync: the SDK posts its configs with
 * `Authorization: Bearer <hashed signing key>`. Unsupported features, or functions served anywhere but
 * `serveUrl` (the app's configured endpoint), refuse the sync with an error.
 */
export async function handleRegister(db: Db, signingKey: string, serveUrl: string, authorization: string | null, rawBody: string): Promise<HttpAnswer> {
  if (!authorization || !sameSecret(authorization, `Bearer ${hashSigningKey(signingKey)}`)) return { status: 401, body: { status: 401, error: "Unauthorized" } };
  let body: { appName?: string; functions?: Array<Record<string, unknown>> };
  try {
    body = JSON.parse(rawBody) as typeof body;
  } catch {
    return { status: 400, body: { status: 400, error: "Body is not JSON" } };
  }
  if (!body.appName || !Array.isArray(body.functions)) return { status: 400, body: { status: 400, error: "appName and functions are required" } };
  try {
    const result = await registerApp(db, body.appName, body.functions, { kind: "out_of_band", serveUrl });
    return { status: 200, body: { status: 200, modified: result.modified } };
  } catch (error) {
    if (!["UnsupportedFeatureError", "SyncRefusedError"].includes((error as Error).name)) throw error;
    logError("workflows: sync refused", error);
    return { status: 400, body: { status: 400, error: (error as Error).message } };
  }
}
