import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "./logger";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext, type RequestContext } from "./request-context";

/**
 * Request logging for the handlers that see their status: one line per request with its id, the
 * organisation (once the tenancy wrapper knows it), method, route (the path; never the query, which may
 * carry a link's token), status and duration, and the id back in X-Request-Id. Covered: every route built on
 * withOrg (the JSON API, the downloads), the health and metrics routes and Meta's webhook. Not covered:
 * page renders, server actions, next-auth's routes, the live stream and the workflow serve endpoint (the
 * workflow lines say what it did). Duration is until the response's headers: a streamed body may go on.
 */
export function withRequestLog<R extends Request, A extends unknown[]>(handler: (req: R, ...rest: A) => Promise<Response>): (req: R, ...rest: A) => Promise<Response> {
  return (req, ...rest) => {
    const context: RequestContext = { requestId: requestIdFrom(req.headers.get(REQUEST_ID_HEADER)) };
    return runWithRequestContext(context, async () => {
      const started = performance.now();
      const route = routeOf(req.url);
      let response: Response;
      try {
        response = await handler(req, ...rest);
      } catch (error) {
        logRequest(req.method, route, 500, started, error);
        throw error;
      }
      try {
        response.headers.set(REQUEST_ID_HEADER, context.requestId);
      } catch {
        // A response with immutable headers (a proxied fetch) goes out without it; the log line still has it.
      }
      logRequest(req.method, route, response.status, started);
      return response;
    });
  };
}

/** The same for a Node request and response (the pages router: Meta's webhook). */
export async function observeNodeRequest(req: IncomingMessage, res: ServerResponse, serve: () => Promise<void>): Promise<void> {
  const header = req.headers[REQUEST_ID_HEADER];
  const context: RequestContext = { requestId: requestIdFrom(typeof header === "string" ? header : undefined) };
  const started = performance.now();
  const route = routeOf(req.url ?? "/");
  res.setHeader(REQUEST_ID_HEADER, context.requestId);
  res.once("finish", () => runWithRequestContext(context, () => logRequest(req.method ?? "GET", route, res.statusCode, started)));
  await runWithRequestContext(context, serve);
}

function routeOf(url: string): string {
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return "(unparseable)";
  }
}

function logRequest(method: string, route: string, status: number, started: number, error?: unknown): void {
  const fields = { method, route, status, durationMs: Math.round((performance.now() - started) * 10) / 10, ...(error !== undefined && { err: error }) };
  // warn, not error: an unhandled error is logged at error where it is caught (lib/api/respond.ts).
  if (status >= 500) logger().warn(fields, "request failed");
  else logger().info(fields, "request");
}
