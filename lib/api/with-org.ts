import type { NextRequest } from "next/server";
import type { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { setRequestOrg } from "@/lib/observability/request-context";
import { withRequestLog } from "@/lib/observability/request-log";
import { BadRequestError, PayloadTooLargeError, UnauthorizedError } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import { authenticateApiKey } from "@/lib/services/api-keys";
import { requirePermission, resolveUserOrgContext, type OrgContext } from "@/lib/tenancy/context";
import { NO_QUERY, parseQuery } from "./query";
import { errorResponse } from "./respond";
import { assertSameOriginWrite } from "./same-origin";

type Params = Record<string, string | string[]>;
export type OrgRouteHandler<P extends Params = Params, Q = z.infer<typeof NO_QUERY>> = (
  req: NextRequest,
  args: { ctx: OrgContext; params: P; query: Q },
) => Promise<Response>;

/**
 * The route-handler choke point. Integrators authenticate with `Authorization: Bearer <api key>` (the key
 * names its organisation); the dashboard uses its session cookie and selects the organisation with
 * `?org=<slug>` or the `X-Org-Slug` header, and membership is verified on every call. Cookie-authenticated
 * writes must also be same-origin JSON (same-origin.ts): a browser sends the cookie on cross-site requests too.
 * `query` is the operation's query schema (the one its OpenAPI operation declares); without one, any query
 * parameter is refused. It is read after the caller is known, so a stranger learns nothing from a 400.
 */
export function withOrg<P extends Params = Params, S extends z.ZodObject = typeof NO_QUERY>(
  handler: OrgRouteHandler<P, z.infer<S>>,
  options: { permission?: Permission; query?: S } = {},
) {
  return withRequestLog(async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const ctx = await resolveRequestContext(req);
      setRequestOrg(ctx.org.id);
      if (options.permission) requirePermission(ctx, options.permission);
      const query = parseQuery(req, (options.query ?? NO_QUERY) as S, { sessionOrg: !req.headers.get("authorization") });
      return await handler(req, { ctx, params: await context.params, query });
    } catch (error) {
      return errorResponse(error);
    }
  });
}

async function resolveRequestContext(req: NextRequest): Promise<OrgContext> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthorizedError("api.bearerFormat");
    return authenticateApiKey(match[1]);
  }
  const user = await getSessionUser();
  if (!user) throw new UnauthorizedError("api.authRequired");
  assertSameOriginWrite(req);
  const slug = req.nextUrl.searchParams.get("org") ?? req.headers.get("x-org-slug");
  if (!slug) throw new BadRequestError("api.orgRequired");
  return resolveUserOrgContext(user, slug);
}

/** What a JSON body may weigh unless the route says otherwise: every body we take is a few kilobytes. */
export const DEFAULT_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON body, or answers 400 with a clear message. The body is read as it streams and refused with 413
 * once it passes `maxBytes` (whatever Content-Length claims), so no caller can make us hold more than that.
 */
export async function readJson(req: Request, { maxBytes = DEFAULT_JSON_BODY_BYTES }: { maxBytes?: number } = {}): Promise<unknown> {
  const tooLarge = () => new PayloadTooLargeError("api.bodyTooLarge", { megabytes: Math.floor(maxBytes / (1024 * 1024)) });
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError("api.invalidJson");
  }
}

