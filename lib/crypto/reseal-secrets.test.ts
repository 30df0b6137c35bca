import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channels, webhookEvents } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture } from "@/tests/fixtures";
import { resealSecrets } from "./reseal-secrets";
import { open, seal, setKeyringForTests } from "./secrets";

useTestDatabase();

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");

afterEach(() => setKeyringForTests(undefined));

async function channelSealedWithOldKey() {
  setKeyringForTests(oldKey); // a bare key: version 1
  const db = await getDb();
  const f = await createOrgFixture("Rotation");
  const [channel] = await db
    .insert(channels)
    .values({ orgId: f.org.id, name: "Page", pageId: `1${randomBytes(6).readUIntBE(0, 6)}`, appId: "222", pageAccessTokenSealed: seal("page-token"), appSecretSealed: seal("app-secret"), verifyTokenSealed: seal("verify-token") })
    .returning();
  const optin = { type: "one_time_notif_req", payload: "p", one_time_notif_token_sealed: seal("otn-token") };
  const [event] = await db
    .insert(webhookEvents)
    .values({ orgId: f.org.id, channelId: channel.id, dedupeKey: `optin:${channel.id}`, kind: "optin", senderId: "333", timestamp: 1, payload: { sender: { id: "333" }, optin } })
    .returning();
  return { channelId: channel.id, eventId: event.id };
}

describe("re-sealing secrets after a key rotation", () => {
  it("leaves every secret readable with the new key alone, with the same value, and finds nothing the second time", async () => {
    const { channelId, eventId } = await channelSealedWithOldKey();
    const db = await getDb();
    setKeyringForTests(`2:${newKey},1:${oldKey}`);

    const counts = await resealSecrets(db);
    const resealed = Object.fromEntries(counts.map((c) => [c.where, c.resealed]));
    expect(resealed).toMatchObject({
      "channels.pageAccessTokenSealed": 1,
      "channels.appSecretSealed": 1,
      "channels.verifyTokenSealed": 1,
      "webhook_events.payload optin.*_sealed": 1,
    });

    setKeyringForTests(`2:${newKey}`); // the old key is gone
    const [channel] = await db.select().from(channels).where(eq(channels.id, channelId));
    expect([open(channel.pageAccessTokenSealed!), open(channel.appSecretSealed!), open(channel.verifyTokenSealed)]).toEqual(["page-token", "app-secret", "verify-token"]);
    const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
    const optin = (event.payload as { optin: Record<string, string> }).optin;
    expect(open(optin.one_time_notif_token_sealed)).toBe("otn-token");
    expect(optin.payload).toBe("p");

    expect((await resealSecrets(db)).every((c) => c.resealed === 0)).toBe(true);
  });

  it("stops with the missing version named when an old key was removed before re-sealing", async () => {
    await channelSealedWithOldKey();
    setKeyringForTests(`2:${newKey}`);
    await expect(resealSecrets(await getDb())).rejects.toThrow(/no encryption key with version 1/);
  });
});
