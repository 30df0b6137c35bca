import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { signUp } from "@/lib/services/accounts";
import { inviteMember } from "@/lib/services/members";
import { listOutbox } from "@/lib/services/outbox";
import { runScope } from "@/lib/services/workflows";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, signUpVerified } from "@/tests/fixtures";
import { grantInstanceOwner, isInstanceOwner, revokeInstanceOwner } from "./instance-owner";

useTestDatabase();

afterEach(() => {
  delete process.env.INSTANCE_OWNER_EMAILS;
});

describe("instance owners", () => {
  it("an email address alone, listed in INSTANCE_OWNER_EMAILS, makes nobody an instance owner", async () => {
    process.env.INSTANCE_OWNER_EMAILS = "ops@example.com";
    const squatter = await signUp({ name: "Not Ops", email: "ops@example.com", password: "squatting-pass", organizationName: "Squat" }, { ip: "10.70.0.1" });
    expect(await isInstanceOwner(squatter.userId)).toBe(false);
    await expect(listOutbox({ user: { id: squatter.userId } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("are granted and revoked by user id through the operator command's functions, and only for verified accounts", async () => {
    const db = await getDb();
    const unverified = await signUp({ name: "New", email: "fresh@example.com", password: "fresh-password", organizationName: "Fresh" }, { ip: "10.70.0.2" });
    await expect(grantInstanceOwner(db, "fresh@example.com")).rejects.toThrow(/has not verified its email address/);
    await expect(grantInstanceOwner(db, "nobody@example.com")).rejects.toThrow(/No account has the email/);
    expect(await isInstanceOwner(unverified.userId)).toBe(false);

    const ops = await signUpVerified({ name: "Ops", email: "real-ops@example.com", password: "ops-password", organizationName: "Ops Org" });
    expect(await grantInstanceOwner(db, " Real-Ops@Example.com ")).toEqual({ email: "real-ops@example.com", changed: true });
    expect(await grantInstanceOwner(db, "real-ops@example.com")).toEqual({ email: "real-ops@example.com", changed: false });
    expect(await isInstanceOwner(ops.userId)).toBe(true);
    // The mark is on the user id: changing the email keeps it, and a new account with the old email does not get it.
    await db.update(users).set({ email: "renamed-ops@example.com" }).where(eq(users.id, ops.userId));
    expect(await isInstanceOwner(ops.userId)).toBe(true);
    const other = await signUp({ name: "X", email: "real-ops@example.com", password: "other-password", organizationName: "X Org" }, { ip: "10.70.0.3" });
    expect(await isInstanceOwner(other.userId)).toBe(false);

    expect(await revokeInstanceOwner(db, "renamed-ops@example.com")).toEqual({ email: "renamed-ops@example.com", changed: true });
    expect(await isInstanceOwner(ops.userId)).toBe(false);
  });

  it("only instance owners read the outbox; the workflow run scope widens only for them", async () => {
    const f = await createOrgFixture("Outbox Org");
    await inviteMember({ ctx: f.as.owner, input: { email: "reader-test@example.com", role: "agent" } });
    await expect(listOutbox({ user: { id: f.users.owner.id } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listOutbox({ user: null })).rejects.toBeInstanceOf(NotFoundError);
    expect(await runScope(f.as.owner)).toBe(f.org.id);

    const db = await getDb();
    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, f.users.owner.id));
    await grantInstanceOwner(db, f.users.owner.email);
    const mail = await listOutbox({ user: { id: f.users.owner.id }, input: { to: "Reader-Test@example.com" } });
    expect(mail).toEqual([expect.objectContaining({ to: "reader-test@example.com", subject: expect.stringContaining("Outbox Org") })]);
    expect(await runScope(f.as.owner)).toBeNull();
  });
});
