import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, channels, memberships, organizations, skillGroups, users } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { DEMO } from "./seed";
import { seedDemoAtStartup } from "./startup";

// Two app instances started together with DEMO_SEED=1 on one PostgreSQL database. PGlite has one owner
// process, so this race exists only on a server: vitest.config.ts registers *.pg.test.ts with DATABASE_URL.
useTestDatabase();
useGraphSandbox();

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("the demo seed of two instances starting at once", () => {
  it("both start cleanly and leave one demo organisation, owner, Page channel, group and key", async () => {
    vi.stubEnv("DEMO_SEED", "1");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});

    // Each start-up seeds on its own connections (the pool hands them out concurrently), as two processes would.
    await Promise.all([seedDemoAtStartup(), seedDemoAtStartup()]);

    expect(errors.mock.calls.map((call) => call.join(" "))).toEqual([]);
    // Exactly one of them created the organisation; both told the console how to sign in.
    const banners = logs.mock.calls.map((call) => String(call[0]));
    expect(banners.filter((line) => line.includes("Demo mode"))).toHaveLength(2);
    expect(banners.filter((line) => line.includes("demo organisation created"))).toHaveLength(1);

    const db = await getDb();
    const orgs = await db.select().from(organizations).where(eq(organizations.slug, DEMO.orgSlug));
    expect(orgs).toHaveLength(1);
    const owners = await db.select().from(users).where(eq(users.email, DEMO.email));
    expect(owners).toHaveLength(1);
    expect(await db.select().from(memberships).where(eq(memberships.orgId, orgs[0].id))).toHaveLength(1);
    expect(await db.select().from(channels).where(eq(channels.orgId, orgs[0].id))).toHaveLength(1);
    expect(await db.select().from(skillGroups).where(eq(skillGroups.orgId, orgs[0].id))).toHaveLength(1);
    expect(await db.select().from(apiKeys).where(eq(apiKeys.orgId, orgs[0].id))).toHaveLength(1);
  });
});
