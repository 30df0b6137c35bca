import { and, eq, sql } from "drizzle-orm";
import { getDatabase, getDb } from "@/db/client";
import { apiKeys, channels, instanceOwners, organizations, skillGroups, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { createChannel } from "@/lib/services/channels";
import { createApiKey } from "@/lib/services/api-keys";
import { insertOrganizationWithOwner } from "@/lib/services/organizations";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { buildContext } from "@/lib/tenancy/context";

export const DEMO = {
  orgName: "Demo Co",
  orgSlug: "demo",
  email: "demo@example.com",
  password: "messenger-desk-demo",
  skillGroup: "Support",
  apiKey: "mdk_demo_key_do_not_use_in_production",
  /** The sandbox's demo Page and app (sandbox/state/demo.ts), connected as a channel of Demo Co. */
  channel: {
    name: "Demo Page",
    pageId: "1000000000000001",
    pageAccessToken: "demo-page-token",
    appId: "2000000000000002",
    appSecret: "demo-app-secret",
    verifyToken: "demo-verify-token",
  },
} as const;

export function demoSeedEnabled(): boolean {
  return process.env.DEMO_SEED === "1";
}

/**
 * Seeds the demo organisation into an empty database. Safe to call at every start: each part is created
 * only when missing, so a restart changes nothing. Two instances starting together on one PostgreSQL
 * database would both find it missing and both insert the demo user (one failing on users.email), so the
 * seed runs under the migrations' start-up lock: the second instance waits, then finds everything there.
 */
export async function seedDemo(): Promise<{ created: boolean }> {
  const database = await getDatabase();
  return database.serialiseStartup(seedMissingParts);
}

async function seedMissingParts(): Promise<{ created: boolean }> {
  const db = await getDb();
  const [existingOrg] = await db.select().from(organizations).where(eq(organizations.slug, DEMO.orgSlug));
  let created = false;
  let org = existingOrg;
  let [user] = await db.select().from(users).where(eq(users.email, DEMO.email));
  if (!org) {
    const passwordHash = await hashPassword(DEMO.password);
    const summary = await db.transaction(async (tx) => {
      if (!user) [user] = await tx.insert(users).values({ email: DEMO.email, name: "Demo Owner", passwordHash, emailVerifiedAt: new Date() }).returning();
      return insertOrganizationWithOwner(tx, user, DEMO.orgName, { preferredSlug: DEMO.orgSlug });
    });
    [org] = await db.select().from(organizations).where(eq(organizations.id, summary.id));
    created = true;
  }
  // The demo's operator: a verified account that may read the local mail outbox (where the demo's mail goes).
  if (user) {
    await db.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` }).where(eq(users.id, user.id));
    await db.insert(instanceOwners).values({ userId: user.id }).onConflictDoNothing();
  }
  const ctx = buildContext({ org, actor: { type: "system", id: null, label: "demo seed" }, role: "owner", membershipId: null });
  let [group] = await db.select().from(skillGroups).where(and(eq(skillGroups.orgId, org.id), eq(skillGroups.name, DEMO.skillGroup)));
  if (!group) {
    const created = await createSkillGroup({ ctx, input: { name: DEMO.skillGroup, description: "Answers customer messages." } });
    [group] = await db.select().from(skillGroups).where(eq(skillGroups.id, created.id));
  }
  const [channel] = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.orgId, org.id), eq(channels.pageId, DEMO.channel.pageId)));
  if (!channel) {
    const { verifyToken, ...input } = DEMO.channel;
    // The sandbox's demo app holds the Human Agent permission, so the demo desk replies up to 7 days.
    const created = await createChannel({ ctx, input: { ...input, skillGroupId: group.id, humanAgentEnabled: true } });
    // The sandbox's demo app is configured with this verify token, so the handshake passes out of the box.
    await db.update(channels).set({ verifyTokenSealed: seal(verifyToken) }).where(eq(channels.id, created.id));
  }
  // A key carries its creator's authority (it works while they are a member), so the demo key is the demo owner's.
  const [key] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, sha256Hex(DEMO.apiKey)));
  if (user && !key) {
    const ownerCtx = buildContext({ org, actor: { type: "user", id: user.id, label: user.email }, role: "owner", membershipId: null });
    await createApiKey({ ctx: ownerCtx, input: { name: "Demo key", role: "admin" }, secret: DEMO.apiKey });
  } else if (user && key && !key.createdBy) {
    // Demo databases seeded before keys carried their creator's authority.
    await db.update(apiKeys).set({ createdBy: user.id }).where(eq(apiKeys.id, key.id));
  }
  return { created };
}
