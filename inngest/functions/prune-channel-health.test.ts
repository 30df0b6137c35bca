import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channelErrors, channels } from "@/db/schema";
import { CHANNEL_ERROR_RETENTION_DAYS, PRUNE_BATCH_SIZE } from "@/lib/services/channel-health";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture } from "@/tests/fixtures";
import { functions } from "./index";
import { pruneChannelHealth } from "./prune-channel-health";

useTestDatabase();

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe("prune-channel-health", () => {
  it("is served, and deletes channel errors past the retention period in batches while keeping recent ones", async () => {
    expect(functions).toContain(pruneChannelHealth);
    const f = await createOrgFixture("Retention");
    const db = await getDb();
    // Written directly: the function deletes by age whatever wrote the rows.
    const [channel] = await db
      .insert(channels)
      .values({ orgId: f.org.id, name: "Shop", pageId: "8100000000000001", appId: "81000001", pageAccessTokenSealed: "x", appSecretSealed: "x", verifyTokenSealed: "x" })
      .returning();
    const row = (at: Date, reason: string) => ({ orgId: f.org.id, channelId: channel.id, kind: "signature" as const, reason, at });
    const old = Array.from({ length: PRUNE_BATCH_SIZE + 200 }, (_, i) => row(daysAgo(CHANNEL_ERROR_RETENTION_DAYS + 1 + (i % 30)), `old ${i}`));
    await db.insert(channelErrors).values(old);
    await db.insert(channelErrors).values([row(daysAgo(CHANNEL_ERROR_RETENTION_DAYS - 1), "recent"), row(new Date(), "now")]);

    const { result } = await new InngestTestEngine({ function: pruneChannelHealth, events: [{ name: "inngest/scheduled.timer", data: {} }] }).execute();
    expect(result).toEqual({ deleted: PRUNE_BATCH_SIZE + 200 });
    const left = await db.select({ reason: channelErrors.reason }).from(channelErrors).where(eq(channelErrors.channelId, channel.id));
    expect(left.map((r) => r.reason).sort()).toEqual(["now", "recent"]);
  });
});
