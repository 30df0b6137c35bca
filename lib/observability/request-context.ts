import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What every log line written while serving one request carries. */
export interface RequestContext {
  requestId: string;
  /** Set once the tenancy wrapper has resolved the caller's organisation. */
  orgId?: string;
}

// One store per process: Next may load this module once per bundle layer, and a request wrapped in one
// layer must be visible to a logger loaded in another.
const slot = globalThis as unknown as { __messengerDeskRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (slot.__messengerDeskRequestContext ??= new AsyncLocalStorage<RequestContext>());

export const REQUEST_ID_HEADER = "x-request-id";

// A caller's id is kept only when it is short and plain (a proxy's UUID or trace id): it goes into every log
// line and a response header, so it must not be able to forge log fields or carry a payload.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's X-Request-Id when it is sane, else a fresh one. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called by the tenancy wrapper: the rest of the request's log lines name the organisation. */
export function setRequestOrg(orgId: string): void {
  const context = storage.getStore();
  if (context) context.orgId = orgId;
}
