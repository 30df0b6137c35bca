/**
 * GET /api/events: the dashboard's live stream. Who may open it, and what an agent hears.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { channels, skillGroupMembers, skillGroups } from "@/db/schema";
import { seal } from "@/lib/crypto/secrets";
import { publishRealtime, resetRealtimeHub } from "@/lib/realtime";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { GET } from "./route";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

useTestDatabase();
afterAll(() => resetRealtimeHub());

const as = (f: OrgFixture, role: "owner" | "agent" | "marketer") => (session.user = { ...f.users[role], name: role });
function open(slug: string, signal = new AbortController().signal) {
  return GET(new NextRequest(`http://localhost/api/events?org=${slug}`, { signal }), { params: Promise.resolve({}) });
}
async function channelIn(f: OrgFixture, skillGroupId: string | null): Promise<string> {
  const [channel] = await (await getDb())
    .insert(channels)
    .values({ orgId: f.org.id, skillGroupId, name: "Shop", pageId: `8${Date.now()}${Math.floor(Math.random() * 1e6)}`, appId: "5550000000", pageAccessTokenSealed: seal("t"), appSecretSealed: seal("s"), verifyTokenSealed: seal("v") })
    .returning();
  return channel.id;
}
async function read(response: Response, needle: string, timeoutMs = 3_000): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  // One read in flight at a time: a read left pending by a timeout would take the next chunk and drop it.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  while (!text.includes(needle) && Date.now() < deadline) {
    pending ??= reader.read();
    const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
    if (!chunk) continue;
    pending = null;
    if (chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  if (!pending) reader.releaseLock();
  return text;
}

describe("GET /api/events", () => {
  it("answers 401 without a session and 404 for an organisation the user is not a member of", async () => {
    const a = await createOrgFixture();
    const b = await createOrgFixture();
    session.user = null;
    expect((await open(a.org.slug)).status).toBe(401);
    as(b, "owner");
    const foreign = await open(a.org.slug);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("content-type")).toContain("application/json");
  });

  it("streams to an agent only the events of channels in the agent's skill groups; an owner hears all", async () => {
    const f = await createOrgFixture();
    const db = await getDb();
    const [group] = await db.insert(skillGroups).values({ orgId: f.org.id, name: "Support" }).returning();
    await db.insert(skillGroupMembers).values({ orgId: f.org.id, skillGroupId: group.id, membershipId: f.as.agent.membershipId! });
    const mine = await channelIn(f, group.id);
    const other = await channelIn(f, null);

    const stop = new AbortController();
    as(f, "agent");
    const agentStream = await open(f.org.slug, stop.signal);
    as(f, "owner");
    const ownerStream = await open(f.org.slug, stop.signal);
    expect(agentStream.status).toBe(200);
    expect(agentStream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");

    await publishRealtime(db, [
      { type: "message.created", orgId: f.org.id, channelId: other, conversationId: "not-for-the-agent", at: Date.now() },
      { type: "message.created", orgId: f.org.id, channelId: mine, conversationId: "for-the-agent", at: Date.now() },
    ]);
    const agentText = await read(agentStream, "for-the-agent");
    const ownerText = await read(ownerStream, "for-the-agent");
    stop.abort();
    expect(agentText).toContain("for-the-agent");
    expect(agentText).not.toContain("not-for-the-agent");
    expect(ownerText).toContain("not-for-the-agent");
  });

  it("answers 429 with a sentence to a user who already has as many streams open as allowed", async () => {
    const f = await createOrgFixture();
    as(f, "marketer");
    const stop = new AbortController();
    for (let i = 0; i < 8; i++) expect((await open(f.org.slug, stop.signal)).status).toBe(200);
    const refused = await open(f.org.slug, stop.signal);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Too many open tabs/);
    stop.abort();
    expect((await open(f.org.slug, stop.signal)).status).toBe(200);
  });
});
