/** Cursor pagination across pages, and what using a key records on it. */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiOperations } from "@/lib/api/openapi";
import { createApiKey, listApiKeys } from "@/lib/services/api-keys";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { addMember, callApi } from "@/tests/api-v1";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));

useTestDatabase();

const op = (operationId: string) => apiOperations.find((o) => o.operationId === operationId)!;

let org: OrgFixture;
let key: string;

beforeAll(async () => {
  org = await createOrgFixture("Paged");
  // Another organisation's rows must never show up in, or shift, these pages.
  const other = await createOrgFixture("Other");
  for (let i = 0; i < 3; i++) await createSkillGroup({ ctx: other.as.owner, input: { name: `Other ${i}` } });
  key = (await createApiKey({ ctx: org.as.owner, input: { name: "pager", role: "agent" } })).secret;
});

/** Follows nextCursor until the last page; returns the pages' ids. */
async function allPages(operationId: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = { limit: String(limit), ...(cursor && { cursor }) };
    const answer = await callApi(op(operationId), { key, query });
    expect(answer.status).toBe(200);
    pages.push(answer.body.data.map((row: { id: string }) => row.id));
    cursor = answer.body.nextCursor;
    expect(pages.length).toBeLessThan(20);
  } while (cursor);
  return pages;
}

describe.each([
  {
    operationId: "listMembers",
    // The fixture has four members; two more make six, three pages of two.
    seed: async () => [...Object.values(org.as).map((c) => c.membershipId!), await addMember(org), await addMember(org)],
  },
  {
    operationId: "listSkillGroups",
    seed: async () => {
      const ids: string[] = [];
      for (const name of ["Billing", "Sales", "Support", "Returns", "VIP"]) ids.push((await createSkillGroup({ ctx: org.as.owner, input: { name } })).id);
      return ids;
    },
  },
])("$operationId pages with a cursor", ({ operationId, seed }) => {
  let expected: string[];
  beforeAll(async () => {
    expected = await seed();
  });

  it("walks every row once, in creation order, and the last page says there is no next", async () => {
    const pages = await allPages(operationId, 2);
    // A full last page already knows it is the last (the service reads one row ahead): no empty page follows.
    expect(pages.map((p) => p.length)).toEqual(expected.length === 6 ? [2, 2, 2] : [2, 2, 1]);
    expect(pages.flat()).toEqual([...expected].sort());
  });

  it("one page holds everything when the limit allows it, with nextCursor null", async () => {
    const answer = await callApi(op(operationId), { key, query: { limit: "100" } });
    expect(answer.body.data).toHaveLength(expected.length);
    expect(answer.body.nextCursor).toBeNull();
  });

  it("the first page's nextCursor is the last id on it", async () => {
    const answer = await callApi(op(operationId), { key, query: { limit: "2" } });
    expect(answer.body.nextCursor).toBe(answer.body.data[1].id);
  });

  it("an empty cursor parameter counts as absent", async () => {
    const answer = await callApi(op(operationId), { key, query: { cursor: "", limit: "1" } });
    expect(answer.status).toBe(200);
    expect(answer.body.data[0].id).toBe([...expected].sort()[0]);
  });
});

describe("API keys", () => {
  it("record when they were last used", async () => {
    const created = await createApiKey({ ctx: org.as.owner, input: { name: "fresh" } });
    expect(created.apiKey.lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await callApi(op("listMembers"), { key: created.secret })).status).toBe(200);
    const [used] = (await listApiKeys({ ctx: org.as.owner })).filter((k) => k.id === created.apiKey.id);
    expect(new Date(used.lastUsedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("are stored hashed: the secret is nowhere in what the API shows", async () => {
    const created = await createApiKey({ ctx: org.as.owner, input: { name: "hidden" } });
    const listed = await listApiKeys({ ctx: org.as.owner });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(created.secret.startsWith(created.apiKey.prefix)).toBe(true);
  });
});
