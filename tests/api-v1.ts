/**
 * Calls API v1 the way Next does: the exported function of the operation's route file, a NextRequest,
 * and `{ params: Promise }`. Route files are found from the registry's paths, as the document names them.
 */
import path from "node:path";
import { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { API_BASES, type ApiBase, type ApiOperation, type HttpMethod } from "@/lib/api/operations/define";
import { randomToken } from "@/db/ids";
import type { Role } from "@/lib/permissions";
import { createApiKey } from "@/lib/services/api-keys";
import type { OrgFixture } from "@/tests/fixtures";

export const API_V1_DIR = path.resolve(import.meta.dirname, "../app/api/v1");
/** Where each base's route files are: app/api/v1, app/api/downloads. */
export const API_DIRS: Record<ApiBase, string> = { v1: API_V1_DIR, downloads: path.resolve(import.meta.dirname, "../app/api/downloads") };

type RouteHandler = (req: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** `/members/{memberId}` → app/api/v1/members/[memberId]/route.ts */
export function routeFileOf(apiPath: string, base: ApiBase = "v1"): string {
  return path.join(API_DIRS[base], apiPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
}

type Callable = Pick<ApiOperation, "method" | "path" | "base">;

export async function handlerOf(operation: Callable): Promise<RouteHandler> {
  const file = routeFileOf(operation.path, operation.base);
  const mod = (await import(file)) as Partial<Record<HttpMethod, RouteHandler>>;
  const handler = mod[operation.method];
  if (!handler) throw new Error(`${file} exports no ${operation.method}`);
  return handler;
}

export interface CallOptions {
  /** An API key secret; null sends no Authorization header. */
  key: string | null;
  /** Overrides the whole Authorization header. */
  authorization?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (to test bodies that are not JSON). */
  rawBody?: string;
  /** Lower-case names. */
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  /** Parsed when the answer is JSON; a download's text otherwise. */
  body: any;
  contentType: string | null;
}

export async function callApi(operation: Callable, options: CallOptions): Promise<ApiAnswer> {
  const params = options.params ?? {};
  const apiPath = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
  const url = new URL(`http://localhost${API_BASES[operation.base ?? "v1"]}${apiPath}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...options.headers };
  const authorization = options.authorization ?? (options.key ? `Bearer ${options.key}` : undefined);
  if (authorization) headers.authorization = authorization;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  // JSON unless the test names another content type (to try what a cross-site form would send).
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const req = new NextRequest(url, { method: operation.method, headers, body });
  const handler = await handlerOf(operation);
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  const contentType = res.headers.get("content-type");
  const isJson = !contentType || contentType.includes("json");
  return { status: res.status, body: isJson ? (text ? JSON.parse(text) : null) : text, contentType };
}

/** One live key per role an API key can have (keys are never owners). */
export type KeyRole = Exclude<Role, "owner">;
export const KEY_ROLES: KeyRole[] = ["admin", "marketer", "agent"];

export async function createKeys(fixture: OrgFixture): Promise<Record<KeyRole, string>> {
  const keys = {} as Record<KeyRole, string>;
  for (const role of KEY_ROLES) keys[role] = (await createApiKey({ ctx: fixture.as.owner, input: { name: `${role} key`, role } })).secret;
  return keys;
}

/** A new member of the fixture's organisation, to change or remove without disturbing other tests. */
export async function addMember(fixture: OrgFixture, role: Role = "agent"): Promise<string> {
  const db = await getDb();
  const [user] = await db.insert(users).values({ email: `extra-${randomToken(6).toLowerCase()}@example.com`, name: "Extra" }).returning();
  const [membership] = await db.insert(memberships).values({ orgId: fixture.org.id, userId: user.id, role }).returning();
  return membership.id;
}

/** Asserts the one error shape of the API and returns its message. */
export function errorMessage(answer: ApiAnswer, code: string): string {
  const { error } = answer.body ?? {};
  if (!error || error.code !== code || typeof error.message !== "string" || error.message === "") {
    throw new Error(`expected { error: { code: "${code}", message } }, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return error.message;
}
