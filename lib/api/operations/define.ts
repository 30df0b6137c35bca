import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import type { ApiErrorBody } from "@/lib/api/respond";

/**
 * The vocabulary of the operation registry (lib/api/openapi.ts). One operation is one exported route
 * function; its schemas are the very zod schemas the services parse with, so the document cannot describe
 * a different API from the one that runs.
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A zod schema published under a name in `components.schemas`. */
export interface NamedSchema {
  kind: "schema";
  name: string;
  schema: z.ZodType;
}

/** A `{ data: T[], nextCursor }` list of a named schema. */
export interface PageOfSchema {
  kind: "page";
  item: NamedSchema;
}

/** A download answered as a file, not JSON (the QR codes, the CSV export). */
export interface FileBody {
  kind: "file";
  contentType: string;
}

/**
 * Where an operation's route lives: API v1 (`/api/v1`, app/api/v1) or the downloads (`/api/downloads`,
 * app/api/downloads), which browsers fetch as links and which the document lists with their own server.
 */
export const API_BASES = { v1: "/api/v1", downloads: "/api/downloads" } as const;
export type ApiBase = keyof typeof API_BASES;

export interface ApiOperation {
  operationId: string;
  method: HttpMethod;
  /** Below its base (v1 unless said), as an OpenAPI template: `/members/{memberId}` for app/api/v1/members/[memberId]/route.ts. */
  path: string;
  base?: ApiBase;
  summary: string;
  description?: string;
  tags: string[];
  /** The permission the key's role needs; null for the one public operation (the document itself). */
  permission: Permission | null;
  /** What each `{param}` of the path names. Every path id is a UUID; anything else answers 404. */
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  body?: NamedSchema;
  response: { status: 200 | 201 | 202 | 204; description: string; body?: NamedSchema | PageOfSchema | FileBody };
  /** Why this operation can answer 409, when it can. */
  conflict?: string;
}

export function named(name: string, schema: z.ZodType): NamedSchema {
  return { kind: "schema", name, schema };
}

export function pageOf(item: NamedSchema): PageOfSchema {
  return { kind: "page", item };
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** The zod schema a successful answer's body satisfies (tests hold live answers against it). */
export function responseSchemaOf(operation: ApiOperation): z.ZodType | null {
  const body = operation.response.body;
  if (!body || body.kind === "file") return null;
  return body.kind === "page" ? pageSchema(body.item.schema) : body.schema;
}

const ERROR_CODES = [
  "bad_request",
  "payload_too_large",
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "internal_error",
  "unavailable",
] as const satisfies readonly ErrorCode[];
// Fails to compile when lib/errors.ts gains a code that the document does not list.
const everyErrorCodeListed: Exclude<ErrorCode, (typeof ERROR_CODES)[number]> extends never ? true : never = true;
void everyErrorCodeListed;

/** The body of every error answer, as lib/api/respond.ts writes it. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("A sentence meant for people, e.g. `name: Name is required.`"),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("More facts when there are any: `fieldErrors` (field → messages) on 422, `retryAfterSeconds` on 429 and 503."),
  }),
});
// Keeps the schema and respond.ts's type in step.
const errorBodyMatches: z.infer<typeof apiErrorSchema> extends ApiErrorBody ? true : never = true;
void errorBodyMatches;
