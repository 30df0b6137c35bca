/**
 * Graph batch requests: POST / with `batch` = JSON array of up to 50 operations
 * ({ method, relative_url, body }), each executed as its own call (and counted separately, as Meta does).
 * The answer is an array of { code, headers, body } with body as a JSON string.
 */
import type { GraphContext } from "./context";
import { graphErrors } from "./graph-error";
import type { GraphRequest, GraphResponse } from "./routes";

const MAX_BATCH = 50;

export function handleBatch(
  ctx: GraphContext,
  req: GraphRequest,
  run: (ctx: GraphContext, req: GraphRequest) => GraphResponse,
): GraphResponse {
  let operations: unknown = req.params.batch;
  if (typeof operations === "string") {
    try {
      operations = JSON.parse(operations);
    } catch {
      throw graphErrors.invalidParameter("The parameter batch must be a JSON array");
    }
  }
  if (!Array.isArray(operations) || operations.length === 0) throw graphErrors.invalidParameter("The parameter batch must be a non-empty JSON array");
  if (operations.length > MAX_BATCH) throw graphErrors.invalidParameter(`Too many requests in batch message. Maximum batch size is ${MAX_BATCH}`);
  let delayMs = 0;
  const results = operations.map((op: Record<string, unknown>) => {
    const relative = String(op?.relative_url ?? "").replace(/^\/?/, "/");
    const [pathPart, queryPart = ""] = relative.split("?");
    const params: Record<string, unknown> = { ...Object.fromEntries(new URLSearchParams(queryPart)) };
    if (typeof op?.body === "string") Object.assign(params, Object.fromEntries(new URLSearchParams(op.body)));
    else if (op?.body && typeof op.body === "object") Object.assign(params, op.body);
    if (params.access_token === undefined && req.params.access_token !== undefined) params.access_token = req.params.access_token;
    const response = run(ctx, {
      method: String(op?.method ?? "GET").toUpperCase(),
      path: pathPart.replace(/^\/v\d+\.\d+(?=\/|$)/, "") || "/",
      params,
      authorization: req.authorization,
    });
    delayMs = Math.max(delayMs, response.delayMs ?? 0);
    return {
      code: response.status,
      headers: [{ name: "Content-Type", value: "application/json; charset=UTF-8" }],
      body: JSON.stringify(response.body),
    };
  });
  return { status: 200, body: results, delayMs: delayMs || undefined };
}
