/**
 * The routing cache sits in front of an unauthenticated endpoint: whatever strangers put in the URL must
 * not take memory or reach the database. Attack measured before the fix: 30,000 GETs with unique 8 KB
 * Page ids grew the server from 930 to 1,394 MB.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import { createChannel } from "./";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture } from "@/tests/fixtures";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { channelRoutingCacheSize, forgetChannelRouting, getChannelRouting } from "./channel-routing";
import { ingestWebhook, answerVerification } from "@/lib/services/webhook";

const { handle } = useTestDatabase();
const sandbox = useGraphSandbox();

const PAGE = { pageId: "3100000000000001", pageAccessToken: "routing-page-token", appId: "3100000000000002", appSecret: "routing-app-secret" };
const handshake = (token: string) => new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "42" });

beforeAll(async () => {
  const f = await createOrgFixture("Routing");
  const group = await createSkillGroup({ ctx: f.as.owner, input: { name: "Support" } });
  sandbox.page(PAGE);
  await createChannel({ ctx: f.as.owner, input: { name: "Shop", ...PAGE, skillGroupId: group.id } });
});

/** A database that counts every use and fails it, as if it were not there. */
function countingDatabase(): { handle: DatabaseHandle; uses: () => number } {
  let uses = 0;
  const refused = (_resolve: unknown, reject: (e: Error) => void) => reject(new Error("the database must not be reached"));
  const db: object = new Proxy(function () {}, {
    get: (_, prop) => {
      if (prop === "then") return refused;
      uses++;
      return db;
    },
    apply: () => db,
  });
  return { handle: { db, kind: "postgres", exec: async () => {}, close: async () => {} } as unknown as DatabaseHandle, uses: () => uses };
}

describe("the webhook's channel routing cache", () => {
  it("keeps no trace of unknown Page ids, however many strangers send", async () => {
    forgetChannelRouting();
    expect(await getChannelRouting(PAGE.pageId)).not.toBeNull();
    expect(channelRoutingCacheSize()).toBe(1);
    for (let i = 0; i < 300; i++) {
      const unknown = `9${String(i).padStart(15, "0")}`;
      expect((await answerVerification(unknown, handshake("guess"))).status).toBe(403);
    }
    expect(channelRoutingCacheSize()).toBe(1);
    // The connected Page is still served from the cache.
    expect((await answerVerification(PAGE.pageId, handshake("guess"))).status).toBe(403);
  });

  it("answers 404 to an id that is not a Page id, without a database lookup or a cache entry", async () => {
    forgetChannelRouting();
    const counting = countingDatabase();
    setDatabase(counting.handle);
    try {
      for (const malformed of ["1".repeat(8 * 1024), "9".repeat(26), "abc", "123abc", "", "../../1", "1 2", "１２３"]) {
        expect((await answerVerification(malformed, handshake("guess"))).status, malformed.slice(0, 20)).toBe(404);
        const post = await ingestWebhook({ pageId: malformed, rawBody: Buffer.from("{}"), signature: null });
        expect(post.status).toBe(404);
      }
    } finally {
      setDatabase(handle());
    }
    expect(counting.uses()).toBe(0);
    expect(channelRoutingCacheSize()).toBe(0);
  });
});
