import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture } from "@/tests/fixtures";
import { functions } from "./index";
import { purgeDeletedOrganizationsFunction } from "./purge-deleted-organizations";

useTestDatabase();

const DAY = 86_400_000;

describe("purge-deleted-organizations", () => {
  it("is served, and removes organisations past their grace period with their rows, keeping those still in it", async () => {
    expect(functions).toContain(purgeDeletedOrganizationsFunction);
    const due = await createOrgFixture("Due");
    const waiting = await createOrgFixture("Waiting");
    const db = await getDb();
    // Written directly: the function purges by date whatever scheduled the deletion.
    await db.update(organizations).set({ deletionRequestedAt: new Date(Date.now() - 8 * DAY), deleteAfter: new Date(Date.now() - DAY) }).where(eq(organizations.id, due.org.id));
    await db.update(organizations).set({ deletionRequestedAt: new Date(), deleteAfter: new Date(Date.now() + 7 * DAY) }).where(eq(organizations.id, waiting.org.id));

    const { result } = await new InngestTestEngine({ function: purgeDeletedOrganizationsFunction, events: [{ name: "inngest/scheduled.timer", data: {} }] }).execute();
    expect(result).toEqual({ purged: 1 });
    const left = await db.select({ id: organizations.id }).from(organizations);
    expect(left.map((o) => o.id)).not.toContain(due.org.id);
    expect(left.map((o) => o.id)).toContain(waiting.org.id);
    expect(await db.select().from(memberships).where(eq(memberships.orgId, due.org.id))).toEqual([]);
  });
});
