import { z } from "zod";
import { appUrl } from "@/lib/app-url";
import { PERMISSIONS, ROLES } from "@/lib/permissions";
import { API_BASES, apiErrorSchema, named, type ApiBase, type ApiOperation, type NamedSchema, type PageOfSchema } from "./operations/define";
import { campaignOperations } from "./operations/campaigns";
import { channelOperations } from "./operations/channels";
import { conversationOperations } from "./operations/conversations";
import { deskOperations } from "./operations/desk";
import { conversationReplyOperations } from "./operations/conversation-replies";
import { memberOperations } from "./operations/members";
import { deskNoteOperations } from "./operations/desk-notes";
import { skillGroupOperations } from "./operations/skill-groups";
import { botConfigOperations } from "./operations/bot-configs";
import { faqOperations } from "./operations/faqs";
import { botOperations } from "./operations/bot";
import { csatOperations } from "./operations/csat";
import { reportsLiveOperations } from "./operations/reports-live";
import { reportOperations } from "./operations/reports";
import { segmentOperations } from "./operations/segments";
import { topicOperations } from "./operations/topics";
import { marketingMessageOperations } from "./operations/marketing-messages";

const documentOperation: ApiOperation = {
  operationId: "getOpenApiDocument",
  method: "GET",
  path: "/openapi.json",
  summary: "This document",
  description: "Public: needs no key.",
  tags: ["Meta"],
  permission: null,
  response: { status: 200, description: "The OpenAPI 3.1 document of API v1.", body: named("OpenApiDocument", z.looseObject({ openapi: z.string() })) },
};

/**
 * Every operation of API v1, the one registry. A later resource (channels, campaigns) adds a module under
 * lib/api/operations/ and spreads it in here; app/api/v1/openapi.test.ts fails while any
 * exported route function under app/api/v1 is missing from this list, or listed but not there.
 */
export const apiOperations: readonly ApiOperation[] = [documentOperation, ...memberOperations, ...skillGroupOperations, ...channelOperations, ...campaignOperations, ...conversationOperations, ...deskNoteOperations, ...deskOperations, ...conversationReplyOperations, ...botConfigOperations, ...faqOperations, ...botOperations, ...csatOperations, ...reportsLiveOperations, ...reportOperations, ...segmentOperations, ...topicOperations, ...marketingMessageOperations];

type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

const ERROR_RESPONSES = {
  BadRequest: "The body is not valid JSON, or the query has a parameter this operation does not declare (undeclared parameters are refused, not ignored).",
  Unauthorized: "No API key, or a key that is unknown or revoked.",
  Forbidden: "The key's role lacks the permission this operation needs.",
  NotFound: "Nothing with this id in the key's organisation; another organisation's ids answer the same.",
  ValidationFailed: "The body or the query failed validation; `error.details.fieldErrors` names each field.",
  PayloadTooLarge: "The body is larger than the operation takes: 1 MB, or as its description says (a file upload).",
} as const;
type ErrorResponseName = keyof typeof ERROR_RESPONSES;

const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

function toJsonSchema(schema: z.ZodType, io: Io): JsonSchema {
  // Request bodies are described as clients may send them (defaults optional), answers as the server writes them.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** `components.schemas`, filled as operations refer to named schemas. */
class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = { Error: toJsonSchema(apiErrorSchema, "output") };
  private readonly published = new Map<string, { schema: z.ZodType; io: Io }>();

  ref(named: NamedSchema, io: Io): JsonSchema {
    const seen = this.published.get(named.name);
    if (seen && (seen.schema !== named.schema || seen.io !== io)) {
      throw new Error(`OpenAPI: two different schemas (or one as request and answer) are named "${named.name}".`);
    }
    if (!seen) {
      this.published.set(named.name, { schema: named.schema, io });
      this.schemas[named.name] = toJsonSchema(named.schema, io);
    }
    return { $ref: `#/components/schemas/${named.name}` };
  }

  pageRef(page: PageOfSchema): JsonSchema {
    const name = `${page.item.name}Page`;
    this.schemas[name] ??= {
      type: "object",
      properties: {
        data: { type: "array", items: this.ref(page.item, "output") },
        nextCursor: { type: ["string", "null"], description: "Send as `cursor` to get the next page; null on the last page." },
      },
      required: ["data", "nextCursor"],
      additionalProperties: false,
    };
    return { $ref: `#/components/schemas/${name}` };
  }
}

function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

function describePermission(operation: ApiOperation): string {
  if (!operation.permission) return "";
  const roles = PERMISSIONS[operation.permission] as readonly string[];
  return `Needs the \`${operation.permission}\` permission (roles: ${roles.join(", ")}).`;
}

function errorStatuses(operation: ApiOperation): Partial<Record<number, ErrorResponseName>> {
  const everyRoleMay = operation.permission !== null && ROLES.every((r) => (PERMISSIONS[operation.permission!] as readonly string[]).includes(r));
  return {
    // Every operation refuses query parameters it does not declare (lib/api/query.ts).
    400: "BadRequest",
    ...(operation.permission && { 401: "Unauthorized" }),
    ...(operation.permission && !everyRoleMay && { 403: "Forbidden" }),
    ...(operation.pathParams && { 404: "NotFound" }),
    ...(operation.body && { 413: "PayloadTooLarge" }),
    ...((operation.body || operation.query) && { 422: "ValidationFailed" }),
  };
}

function buildOperation(operation: ApiOperation, components: SchemaComponents) {
  const names = pathParamNames(operation.path);
  const described = Object.keys(operation.pathParams ?? {});
  if (names.join() !== described.join()) {
    throw new Error(`OpenAPI: ${operation.operationId} describes path params [${described}] but its path has [${names}].`);
  }
  const parameters: JsonSchema[] = names.map((name) => ({
    name,
    in: "path",
    required: true,
    description: operation.pathParams![name],
    schema: { type: "string", format: "uuid" },
  }));
  if (operation.query) {
    const query = toJsonSchema(operation.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      // A parameter's example is the first of its schema's examples (`.meta({ examples })` beside `.describe`).
      const { description, examples, ...rest } = schema as JsonSchema & { examples?: unknown[] };
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, description, ...(examples?.length && { example: examples[0] }), schema: rest });
    }
  }

  const { response } = operation;
  const body = response.body;
  const content =
    body?.kind === "file"
      ? { [body.contentType]: { schema: { type: "string", format: "binary" } } }
      : body && { "application/json": { schema: body.kind === "page" ? components.pageRef(body) : components.ref(body, "output") } };
  const responses: Record<string, unknown> = { [response.status]: { description: response.description, ...(content && { content }) } };
  for (const [status, name] of Object.entries(errorStatuses(operation))) responses[status] = { $ref: `#/components/responses/${name}` };
  if (operation.conflict) responses[409] = { description: operation.conflict, content: errorContent };

  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, describePermission(operation)].filter(Boolean).join("\n\n") || undefined,
    tags: operation.tags,
    ...(operation.permission ? { "x-permission": operation.permission } : { security: [] }),
    ...(parameters.length > 0 && { parameters }),
    ...(operation.body && {
      requestBody: { required: true, content: { "application/json": { schema: components.ref(operation.body, "input") } } },
    }),
    responses,
  };
}

/**
 * Absolute, from APP_URL: a client resolving a relative server against wherever it fetched the document from
 * (or a tool that read it from a file) would otherwise guess, and the downloads are not below /api/v1.
 */
function serverOf(base: ApiBase) {
  return { url: `${appUrl()}${API_BASES[base]}` };
}

/** The OpenAPI 3.1 document of API v1, built from the registry and the services' zod schemas. */
export function buildOpenApiDocument(operations: readonly ApiOperation[] = apiOperations) {
  const components = new SchemaComponents();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const base = operation.base ?? "v1";
    const item = (paths[operation.path] ??= base === "v1" ? {} : { servers: [serverOf(base)] });
    if ((base === "v1") !== !("servers" in item)) throw new Error(`OpenAPI: ${operation.path} is served below two bases.`);
    const method = operation.method.toLowerCase();
    if (item[method]) throw new Error(`OpenAPI: ${operation.method} ${operation.path} is registered twice.`);
    item[method] = buildOperation(operation, components);
  }
  const tags = [...new Set(operations.flatMap((o) => o.tags))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "Messenger Desk API",
      version: "1",
      description:
        "JSON API for integrators. Authenticate with `Authorization: Bearer <api key>`; create keys in Settings → API keys. " +
        "A key acts in its organisation with the role chosen when it was created, but never with more rights than the member who created it has today, " +
        "and it stops working when that member leaves the organisation. Errors answer `{ \"error\": { \"code\", \"message\" } }`. " +
        "Lists answer `{ \"data\": [...], \"nextCursor\" }`: pass `nextCursor` as `?cursor=` for the next page. " +
        "Each operation lists every query parameter it takes; any other parameter is refused with 400, and a path no operation has answers 404, both in the error shape. " +
        "The downloads (QR codes, recipient CSV) are served outside `/api/v1`: their paths carry their own absolute `servers` entry and take the same key.",
    },
    servers: [serverOf("v1")],
    security: [{ apiKey: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key (`mdk_…`) from Settings → API keys." },
      },
      schemas: components.schemas,
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([name, description]) => [name, { description, content: errorContent }]),
      ),
    },
  };
}
