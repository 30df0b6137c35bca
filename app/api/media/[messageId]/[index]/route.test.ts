/**
 * The image proxy: Messenger users' images reach agents through the app, and the app fetches only from Meta's
 * CDN (or the configured sandbox), never from a host the sender chose.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { channels, contacts, conversations, messages, skillGroupMembers, skillGroups } from "@/db/schema";
import { seal } from "@/lib/crypto/secrets";
import { fetchImage, refusalOf, RefusedImageError } from "@/lib/media/image-fetch";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { GET } from "./route";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

useTestDatabase();

// A 1x1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/Ay3DkQAAAABJRU5ErkJggg==", "base64");

/** Stands in for the sandbox (GRAPH_API_URL): the one non-Meta origin the app may fetch images from. */
let cdn: http.Server;
let cdnUrl: string;
/** The sender's own listener: it must never hear from the app. */
let attacker: http.Server;
let attackerUrl: string;
const attackerHits: string[] = [];

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let a: OrgFixture;
let b: OrgFixture;
const messageIds: Record<string, string> = {};

/** The organisation's skill group that its agent belongs to, so that the agent may see the channel's messages. */
async function agentGroupOf(fixture: OrgFixture): Promise<string> {
  const db = await getDb();
  const [group] = await db.insert(skillGroups).values({ orgId: fixture.org.id, name: `Support ${Math.random()}` }).returning();
  await db.insert(skillGroupMembers).values({ orgId: fixture.org.id, skillGroupId: group.id, membershipId: fixture.as.agent.membershipId! });
  return group.id;
}

async function insertImageMessage(fixture: OrgFixture, url: string, skillGroupId: string | null): Promise<string> {
  const db = await getDb();
  const [channel] = await db
    .insert(channels)
    .values({ orgId: fixture.org.id, skillGroupId, name: "Shop", pageId: `7${Date.now()}${Math.floor(Math.random() * 1e6)}`, appId: "5550000000", pageAccessTokenSealed: seal("t"), appSecretSealed: seal("s"), verifyTokenSealed: seal("v") })
    .returning();
  const [contact] = await db.insert(contacts).values({ orgId: fixture.org.id, channelId: channel.id, psid: "psid-1" }).returning();
  const [conversation] = await db.insert(conversations).values({ orgId: fixture.org.id, channelId: channel.id, contactId: contact.id }).returning();
  const [message] = await db
    .insert(messages)
    .values({ orgId: fixture.org.id, channelId: channel.id, conversationId: conversation.id, direction: "inbound", kind: "attachments", source: "webhook", timestamp: Date.now(), attachments: [{ type: "file", payload: { url } }, { type: "image", payload: { url } }] })
    .returning();
  return message.id;
}

function getImage(messageId: string, options: { org: string; index?: string; as?: { id: string; email: string } | null }) {
  session.user = options.as ? { ...options.as, name: "" } : null;
  const url = `http://localhost/api/media/${messageId}/${options.index ?? "1"}?org=${options.org}`;
  return GET(new NextRequest(url), { params: Promise.resolve({ messageId, index: options.index ?? "1" }) });
}

beforeAll(async () => {
  attacker = http.createServer((req, res) => {
    attackerHits.push(req.url ?? "");
    res.writeHead(200, { "content-type": "image/png" }).end(PNG);
  });
  attackerUrl = await listen(attacker);
  cdn = http.createServer((req, res) => {
    if (req.url === "/photo.png") return res.writeHead(200, { "content-type": "image/png" }).end(PNG);
    if (req.url === "/page.html") return res.writeHead(200, { "content-type": "text/html" }).end("<script>alert(1)</script>");
    if (req.url === "/drawing.svg") return res.writeHead(200, { "content-type": "image/svg+xml" }).end("<svg xmlns='http://www.w3.org/2000/svg'/>");
    if (req.url === "/huge.png") return res.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(9 * 1024 * 1024));
    if (req.url === "/to-photo") return res.writeHead(302, { location: "/photo.png" }).end();
    if (req.url === "/to-attacker") return res.writeHead(302, { location: `${attackerUrl}/pixel.png` }).end();
    if (req.url === "/slow.png") return; // never answers
    res.writeHead(404).end();
  });
  cdnUrl = await listen(cdn);
  vi.stubEnv("GRAPH_API_URL", cdnUrl);

  a = await createOrgFixture("Media A");
  b = await createOrgFixture("Media B");
  const support = await agentGroupOf(a);
  for (const [name, path] of Object.entries({ photo: "/photo.png", html: "/page.html", svg: "/drawing.svg", huge: "/huge.png", redirected: "/to-photo", redirectedOut: "/to-attacker" })) {
    messageIds[name] = await insertImageMessage(a, `${cdnUrl}${path}`, support);
  }
  messageIds.pixel = await insertImageMessage(a, `${attackerUrl}/pixel.png?agent=seen`, support);
  messageIds.otherOrg = await insertImageMessage(b, `${cdnUrl}/photo.png`, await agentGroupOf(b));
  // A channel of a skill group the agent is not in.
  const [sales] = await (await getDb()).insert(skillGroups).values({ orgId: a.org.id, name: "Sales" }).returning();
  messageIds.otherGroup = await insertImageMessage(a, `${cdnUrl}/photo.png`, sales.id);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  cdn.closeAllConnections();
  await new Promise((resolve) => cdn.close(resolve));
  await new Promise((resolve) => attacker.close(resolve));
});

describe("GET /api/media/{messageId}/{index}", () => {
  it("serves an organisation's image to its members, inert and privately cached", async () => {
    const res = await getImage(messageIds.photo, { org: a.org.slug, as: a.users.agent });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  });

  it("follows a redirect that stays on an allowed host", async () => {
    const res = await getImage(messageIds.redirected, { org: a.org.slug, as: a.users.agent });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  });

  it("answers 401 without a session or key", async () => {
    expect((await getImage(messageIds.photo, { org: a.org.slug, as: null })).status).toBe(401);
  });

  it("answers 404 for another organisation's message, whichever organisation is named", async () => {
    expect((await getImage(messageIds.otherOrg, { org: a.org.slug, as: a.users.agent })).status).toBe(404);
    expect((await getImage(messageIds.photo, { org: b.org.slug, as: b.users.owner })).status).toBe(404);
    expect((await getImage(messageIds.photo, { org: a.org.slug, as: b.users.owner })).status).toBe(404);
  });

  it("answers 404 to an agent for a message of another skill group's channel, and serves it to an admin", async () => {
    expect((await getImage(messageIds.otherGroup, { org: a.org.slug, as: a.users.agent })).status).toBe(404);
    expect((await getImage(messageIds.otherGroup, { org: a.org.slug, as: a.users.admin })).status).toBe(200);
  });

  it("answers 404 for an attachment that is not an image, an index past the end, or a bad id", async () => {
    expect((await getImage(messageIds.photo, { org: a.org.slug, as: a.users.agent, index: "0" })).status).toBe(404);
    expect((await getImage(messageIds.photo, { org: a.org.slug, as: a.users.agent, index: "7" })).status).toBe(404);
    expect((await getImage(messageIds.photo, { org: a.org.slug, as: a.users.agent, index: "-1" })).status).toBe(404);
    expect((await getImage("not-a-uuid", { org: a.org.slug, as: a.users.agent })).status).toBe(404);
  });

  it("refuses a host that is not Meta's CDN without contacting it", async () => {
    const res = await getImage(messageIds.pixel, { org: a.org.slug, as: a.users.agent });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toEqual({ code: "forbidden", message: "Images are loaded over https only." });
    expect(attackerHits).toEqual([]);
  });

  it("refuses a redirect to another host without following it", async () => {
    const res = await getImage(messageIds.redirectedOut, { org: a.org.slug, as: a.users.agent });
    expect(res.status).toBe(502);
    expect(attackerHits).toEqual([]);
  });

  it.each([
    ["html", "The address does not hold an image."],
    ["svg", "The address does not hold an image."],
    ["huge", "The image is too large."],
  ])("refuses what is not a raster image of a sensible size (%s)", async (name, message) => {
    const res = await getImage(messageIds[name], { org: a.org.slug, as: a.users.agent });
    expect(res.status).toBe(502);
    expect((await res.json()).error.message).toBe(message);
  });

  it("gives up on a host that does not answer", async () => {
    await expect(fetchImage(`${cdnUrl}/slow.png`, { timeoutMs: 300 })).rejects.toThrow(new RefusedImageError("The image took too long to load."));
  });
});

describe("which image addresses the app fetches", () => {
  it("against Meta (no GRAPH_API_URL): Meta's CDN over https only", () => {
    vi.stubEnv("GRAPH_API_URL", "");
    try {
      expect(refusalOf("https://scontent-cdg4-1.xx.fbcdn.net/v/t1.15752-9/photo.jpg?_nc_cat=1&oh=abc")).toBeNull();
      expect(refusalOf("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1&signature=x")).toBeNull();
      expect(refusalOf("http://scontent.xx.fbcdn.net/photo.jpg")).toBe("Images are loaded over https only.");
      expect(refusalOf("https://scontent.xx.fbcdn.net:8443/photo.jpg")).toBe("Images are loaded over https only.");
      expect(refusalOf("https://evilfbcdn.net/photo.jpg")).toBe("The image is not hosted on Meta's CDN, so it is not loaded.");
      expect(refusalOf("https://fbcdn.net.evil.example/photo.jpg")).toBe("The image is not hosted on Meta's CDN, so it is not loaded.");
      expect(refusalOf("https://user:pw@scontent.xx.fbcdn.net/photo.jpg")).toBe("The image address carries credentials.");
      expect(refusalOf(`${cdnUrl}/photo.png`)).toBe("Images are loaded over https only.");
      expect(refusalOf("https://169.254.169.254/latest/meta-data")).toBe("The image is not hosted on Meta's CDN, so it is not loaded.");
    } finally {
      vi.stubEnv("GRAPH_API_URL", cdnUrl);
    }
  });
});
