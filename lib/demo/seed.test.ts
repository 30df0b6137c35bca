import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, organizations, skillGroups } from "@/db/schema";
import { isEmailVerified } from "@/lib/auth/email-verified";
import { checkCredentials } from "@/lib/auth/sign-in";
import { isInstanceOwner } from "@/lib/tenancy/instance-owner";
import { authenticateApiKey } from "@/lib/services/api-keys";
import { useTestDatabase } from "@/tests/db";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { DEMO, seedDemo } from "./seed";

useTestDatabase();
// The demo channel is the sandbox's demo Page, proved with its Page token through Graph /me as any channel is.
useGraphSandbox();

describe("demo seed", () => {
  it("creates Demo Co with its owner login, Support group and API key, once", async () => {
    expect((await seedDemo()).created).toBe(true);
    expect((await seedDemo()).created).toBe(false);
    const db = await getDb();
    const orgs = await db.select().from(organizations).where(eq(organizations.slug, DEMO.orgSlug));
    expect(orgs).toHaveLength(1);
    expect(orgs[0].name).toBe("Demo Co");
    expect(await db.select().from(skillGroups).where(eq(skillGroups.orgId, orgs[0].id))).toHaveLength(1);
    expect(await db.select().from(apiKeys).where(eq(apiKeys.orgId, orgs[0].id))).toHaveLength(1);

    const user = await checkCredentials(DEMO.email, DEMO.password, "127.0.0.1");
    expect(user.email).toBe(DEMO.email);
    // Seeded verified, and as the demo's instance owner (who reads the local mail outbox).
    expect(await isEmailVerified(user.id)).toBe(true);
    expect(await isInstanceOwner(user.id)).toBe(true);
    const ctx = await authenticateApiKey(DEMO.apiKey);
    expect(ctx.org.slug).toBe("demo");
  });

  it("connects the sandbox's demo Page, whose verification handshake passes with the demo verify token", async () => {
    await seedDemo();
    const { answerVerification } = await import("@/lib/services/webhook/ingest/answer-verification");
    const query = (token: string) => new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "42" });
    expect(await answerVerification("1000000000000001", query("demo-verify-token"))).toEqual({ status: 200, body: "42" });
    const wrong = await answerVerification("1000000000000001", query("guess"));
    expect(wrong.status).toBe(403);
  });
});
