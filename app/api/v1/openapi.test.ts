/**
 * The document cannot drift from the routes: every exported route function under app/api/v1 has its
 * operation in the registry and the registry lists nothing that is not there; every $ref resolves.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { apiOperations, buildOpenApiDocument } from "@/lib/api/openapi";
import { API_BASES, type ApiBase, type ApiOperation } from "@/lib/api/operations/define";
import { appUrl } from "@/lib/app-url";
import { API_DIRS, callApi } from "@/tests/api-v1";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // _folders are private in the App Router; the catch-all ([[...path]]) is no operation, only the 404 for unknown paths.
    if (entry.isDirectory()) return entry.name.startsWith("_") || entry.name.startsWith("[[...") ? [] : routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/skill-groups/[skillGroupId]/route.ts → /skill-groups/{skillGroupId} */
function apiPathOf(base: ApiBase, file: string): string {
  const dir = path.relative(API_DIRS[base], path.dirname(file)).split(path.sep).join("/");
  return `/${dir}`.replace(/\[(\w+)\]/g, "{$1}");
}

async function servedOperations(): Promise<string[]> {
  const served: string[] = [];
  for (const base of Object.keys(API_DIRS) as ApiBase[]) {
    for (const file of routeFiles(API_DIRS[base])) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of Object.keys(mod).filter((name) => HTTP_METHODS.includes(name))) served.push(`${method} ${API_BASES[base]}${apiPathOf(base, file)}`);
    }
  }
  return served.sort();
}

type Doc = ReturnType<typeof buildOpenApiDocument>;

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => (key === "$ref" && typeof v === "string" ? [v] : refsIn(v)));
  }
  return [];
}

function resolve(doc: Doc, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

describe("the registry matches the route files", () => {
  it("every exported route function is documented, and every documented operation is served", async () => {
    const documented = apiOperations.map((o) => `${o.method} ${API_BASES[o.base ?? "v1"]}${o.path}`).sort();
    expect(documented).toEqual(await servedOperations());
  });

  it("operation ids are unique", () => {
    const ids = apiOperations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("answers the document without a key", async () => {
    const answer = await callApi({ method: "GET", path: "/openapi.json" }, { key: null });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});

describe("the document", () => {
  const doc = buildOpenApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([key]) => key !== "servers") // a path item's server override, not an operation
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${p}`, operation: operation as Record<string, any> })),
  );

  it("is OpenAPI 3.1 with a bearer security scheme required by default", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ apiKey: [] }]);
  });

  it("names absolute servers: API v1 for the document, /api/downloads on the download paths", () => {
    expect(doc.servers).toEqual([{ url: `${appUrl()}/api/v1` }]);
    expect(doc.servers[0].url).toMatch(/^https?:\/\//);
    const downloads = apiOperations.filter((o) => o.base === "downloads");
    expect(downloads.map((o) => o.path).sort()).toEqual(["/campaigns/{campaignId}/qr.png", "/campaigns/{campaignId}/qr.svg", "/campaigns/{campaignId}/recipients.csv", "/faqs.csv", "/faqs.json", "/reports/campaigns.csv", "/reports/service.csv"]);
    for (const o of downloads) expect((doc.paths[o.path] as Record<string, unknown>).servers).toEqual([{ url: `${appUrl()}/api/downloads` }]);
    for (const [p, item] of Object.entries(doc.paths)) if (!downloads.some((o) => o.path === p)) expect(item, p).not.toHaveProperty("servers");
  });

  it("declares every query parameter an operation takes, not only in prose", () => {
    const queryNames = (p: string) => ((doc.paths[p] as Record<string, any>).get.parameters as { name: string; in: string }[]).filter((x) => x.in === "query").map((x) => x.name);
    expect(queryNames("/campaigns/{campaignId}/recipients").sort()).toEqual(["cursor", "limit", "search", "status"]);
    expect(queryNames("/campaigns/{campaignId}/subscribers-over-time")).toEqual(["bucket"]);
    expect(queryNames("/campaigns/{campaignId}/recipients.csv").sort()).toEqual(["search", "status"]);
    expect(queryNames("/campaigns").sort()).toEqual(["channelId", "cursor", "kind", "limit", "status"]);
    for (const { name, operation } of operations) {
      for (const parameter of operation.parameters ?? []) expect(parameter.description, `${name} ${parameter.name}`).toBeTruthy();
    }
  });

  it("states the request template's payload and how to clear \"reconnect needed\" before resuming", () => {
    const schemas = doc.components.schemas as Record<string, any>;
    expect(schemas.CreateCampaign.properties.requestTitle.description).toContain("`otn:{campaignId}`");
    const resume = (doc.paths["/campaigns/{campaignId}/resume"] as Record<string, any>).post.description as string;
    for (const step of ["PATCH /channels/{channelId}", "POST /channels/{channelId}/exchange-token", "POST /channels/{channelId}/check", "reconnectNeeded"]) expect(resume).toContain(step);
  });

  it("resolves every $ref", () => {
    const refs = [...new Set(refsIn(doc))];
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(resolve(doc, ref), ref).toBeDefined();
  });

  it("describes errors with the { error: { code, message } } schema", () => {
    expect(doc.components.schemas.Error).toMatchObject({
      type: "object",
      required: ["error"],
      properties: { error: { type: "object", required: expect.arrayContaining(["code", "message"]) } },
    });
    for (const response of Object.values(doc.components.responses)) {
      expect(response.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    }
  });

  it.each(operations)("$name documents its permission and error answers", ({ name, operation }) => {
    const registered = apiOperations.find((o) => `${o.method} ${o.path}` === name)!;
    const statuses = Object.keys(operation.responses);
    expect(statuses).toContain(String(registered.response.status));
    if (registered.permission === null) {
      expect(operation.security).toEqual([]);
      return;
    }
    expect(operation["x-permission"]).toBe(registered.permission);
    expect(operation.description).toContain(registered.permission);
    expect(statuses).toContain("401");
    if (registered.pathParams) expect(statuses).toContain("404");
    if (registered.body) {
      expect(statuses).toEqual(expect.arrayContaining(["400", "422"]));
      expect(operation.requestBody.content["application/json"].schema.$ref).toMatch(/^#\/components\/schemas\//);
    }
  });

  it("describes request bodies as clients send them and answers as the server writes them", () => {
    const schemas = doc.components.schemas as Record<string, any>;
    // description has a default: optional to send, always present in answers.
    expect(schemas.CreateSkillGroup.required).toEqual(["name"]);
    expect(schemas.SkillGroup.required).toEqual(expect.arrayContaining(["description", "memberCount"]));
    expect(schemas.MemberPage.properties.data.items).toEqual({ $ref: "#/components/schemas/Member" });
  });

  it("documents paging query parameters from the shared page schema", () => {
    const list = doc.paths["/members"].get as Record<string, any>;
    expect(list.parameters).toEqual([
      expect.objectContaining({ name: "cursor", in: "query", required: false, schema: expect.objectContaining({ format: "uuid" }) }),
      expect.objectContaining({ name: "limit", in: "query", required: false, schema: expect.objectContaining({ maximum: 100, default: 50 }) }),
    ]);
  });
});

describe("the builder refuses a registry that would mislead", () => {
  const base: ApiOperation = {
    operationId: "x",
    method: "GET",
    path: "/things/{thingId}",
    summary: "x",
    tags: ["X"],
    permission: "members.read",
    pathParams: { thingId: "A thing." },
    response: { status: 204, description: "ok" },
  };
  it("path params that do not match the path", () => {
    expect(() => buildOpenApiDocument([{ ...base, pathParams: { otherId: "?" } }])).toThrow(/path params/);
  });
  it("the same operation twice", () => {
    expect(() => buildOpenApiDocument([base, { ...base, operationId: "y" }])).toThrow(/registered twice/);
  });
});
