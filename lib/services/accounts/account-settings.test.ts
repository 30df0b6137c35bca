import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { emailTokens, outboxEmails, users } from "@/db/schema";
import { getSessionUser } from "@/lib/auth/session";
import { checkCredentials } from "@/lib/auth/sign-in";
import { ConflictError, NotFoundError, RateLimitedError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/db";
import { expectAuditRow } from "@/tests/audit";
import { latestLinkMailedTo } from "@/tests/fixtures";
import { listUserOrganizations } from "@/lib/services/organizations";
import { changePassword } from "./change-password";
import { confirmEmailChange } from "./confirm-email-change";
import { describeEmailLink } from "./describe-email-link";
import { getAccount } from "./get-account";
import { requestEmailChange } from "./request-email-change";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { signUp } from "./sign-up";
import { updateName } from "./update-name";
import { VERIFICATION_MAIL_LIMITS } from "./verification-mail";
import { verifyEmail } from "./verify-email";

// The session cookie as next-auth would decode it: which user, and the session generation stamped at sign-in.
const cookie = vi.hoisted(() => ({ session: null as null | { user: { id: string; email: string; name: string; sv?: number } } }));
vi.mock("next-auth", () => ({ getServerSession: async () => cookie.session }));

useTestDatabase();

beforeEach(() => {
  cookie.session = null;
});

let n = 0;
let ipBlock = 0;
const PASSWORD = "the-first-password";

/** A verified account with an organisation, signed in once (the generation its session carries). */
async function account() {
  const ip = `10.70.${++ipBlock}.1`;
  const { userId, email } = await signUp({ name: "Li Lei", email: `settings-${++n}@example.com`, password: PASSWORD, organizationName: `Settings Org ${n}` }, { ip });
  await verifyEmail({ token: (await latestLinkMailedTo(email, "/verify-email/")).split("/verify-email/")[1]! });
  const signedIn = await checkCredentials(email, PASSWORD, ip);
  const [org] = await listUserOrganizations(userId);
  return { id: userId, email, ip, sessionVersion: signedIn.sessionVersion, org: org! };
}

const signedInAs = (user: { id: string; email: string }, sv: number) => {
  cookie.session = { user: { id: user.id, email: user.email, name: "", sv } };
};
const tokenAfter = (link: string, path: string) => link.split(path)[1]!;

describe("forgot password", () => {
  it("answers the same for an unknown address as for an account's, and mails only the account", async () => {
    const user = await account();
    const known = await requestPasswordReset({ email: user.email.toUpperCase() }, { ip: "10.71.0.1" });
    const unknown = await requestPasswordReset({ email: "nobody-here@example.com" }, { ip: "10.71.0.1" });
    expect(known).toEqual({ email: user.email });
    expect(unknown).toEqual({ email: "nobody-here@example.com" });
    const db = await getDb();
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.to, "nobody-here@example.com"))).toEqual([]);
    expect(await latestLinkMailedTo(user.email, "/reset-password/")).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);
  });

  it("limits reset mail per address whether or not an account has it, and per IP", async () => {
    const user = await account();
    for (const email of [user.email, "ghost@example.com"]) {
      for (let i = 0; i < VERIFICATION_MAIL_LIMITS.perAccount; i++) await requestPasswordReset({ email }, { ip: `10.72.${i}.${email.length}` });
      await expect(requestPasswordReset({ email }, { ip: "10.72.99.1" })).rejects.toBeInstanceOf(RateLimitedError);
    }
    for (let i = 0; i < VERIFICATION_MAIL_LIMITS.perIp; i++) await requestPasswordReset({ email: `spray-${i}@example.com` }, { ip: "10.73.0.1" });
    await expect(requestPasswordReset({ email: "spray-last@example.com" }, { ip: "10.73.0.1" })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("the link sets a new password once, signs every session out, and the old password stops working", async () => {
    const user = await account();
    signedInAs(user, user.sessionVersion);
    expect(await getSessionUser()).toMatchObject({ id: user.id });

    await requestPasswordReset({ email: user.email }, { ip: "10.74.0.1" });
    const token = tokenAfter(await latestLinkMailedTo(user.email, "/reset-password/"), "/reset-password/");
    // Showing the page does not use the link up.
    expect(await describeEmailLink(token, "reset_password")).toMatchObject({ email: user.email });
    expect(await describeEmailLink(token, "reset_password")).toMatchObject({ email: user.email });

    await expect(resetPassword({ token, input: { password: "short" } })).rejects.toBeInstanceOf(ValidationError);
    await resetPassword({ token, input: { password: "the-reset-password" } });
    await expect(resetPassword({ token, input: { password: "another-password" } })).rejects.toBeInstanceOf(NotFoundError);

    expect(await getSessionUser()).toBeNull();
    await expect(checkCredentials(user.email, PASSWORD, "10.74.0.2")).rejects.toBeInstanceOf(UnauthorizedError);
    const fresh = await checkCredentials(user.email, "the-reset-password", "10.74.0.2");
    signedInAs(user, fresh.sessionVersion);
    expect(await getSessionUser()).toMatchObject({ id: user.id, email: user.email });
    await expectAuditRow(user.org, { action: "member.password_reset", actor: { actor: { type: "user", id: user.id, label: user.email } }, only: true });
  });

  it("an expired link, or one replaced by a newer request, resets nothing", async () => {
    const user = await account();
    await requestPasswordReset({ email: user.email }, { ip: "10.75.0.1" });
    const first = tokenAfter(await latestLinkMailedTo(user.email, "/reset-password/"), "/reset-password/");
    await requestPasswordReset({ email: user.email }, { ip: "10.75.0.1" });
    const second = tokenAfter(await latestLinkMailedTo(user.email, "/reset-password/"), "/reset-password/");
    await expect(resetPassword({ token: first, input: { password: "new-password-1" } })).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    await db.update(emailTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(emailTokens.userId, user.id));
    await expect(resetPassword({ token: second, input: { password: "new-password-2" } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await checkCredentials(user.email, PASSWORD, "10.75.0.2")).id).toBe(user.id);
  });

  it("schedules the delivery rather than waiting for it, and only for an account", async () => {
    const user = await account();
    const scheduled: (() => Promise<unknown>)[] = [];
    await requestPasswordReset({ email: user.email }, { ip: "10.76.0.1", schedule: (deliver) => void scheduled.push(deliver) });
    await requestPasswordReset({ email: "not-an-account@example.com" }, { ip: "10.76.0.1", schedule: (deliver) => void scheduled.push(deliver) });
    expect(scheduled).toHaveLength(1);
    await expect(latestLinkMailedTo(user.email, "/reset-password/")).rejects.toThrow();
    await scheduled[0]!();
    expect(await latestLinkMailedTo(user.email, "/reset-password/")).toContain("/reset-password/");
  });
});

describe("change password", () => {
  it("needs the current password", async () => {
    const user = await account();
    const refused = await changePassword({ user, input: { currentPassword: "not-it", newPassword: "a-new-password" }, ip: user.ip }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors).toEqual({ currentPassword: ["The current password is not correct."] });
    expect((await checkCredentials(user.email, PASSWORD, "10.77.0.1")).id).toBe(user.id);
  });

  it("signs other sessions out; a session stamped with the returned generation stays in", async () => {
    const user = await account();
    const { sessionVersion } = await changePassword({ user, input: { currentPassword: PASSWORD, newPassword: "a-new-password" }, ip: user.ip });
    expect(sessionVersion).toBe(user.sessionVersion + 1);
    signedInAs(user, user.sessionVersion);
    expect(await getSessionUser()).toBeNull();
    signedInAs(user, sessionVersion);
    expect(await getSessionUser()).toMatchObject({ id: user.id });
    expect((await checkCredentials(user.email, "a-new-password", "10.78.0.1")).sessionVersion).toBe(sessionVersion);
    const row = await expectAuditRow(user.org, { action: "member.password_changed", actor: { actor: { type: "user", id: user.id, label: user.email } }, only: true });
    expect([row.before, row.after]).toEqual([null, null]);
  });

  it("kills open reset links", async () => {
    const user = await account();
    await requestPasswordReset({ email: user.email }, { ip: "10.79.0.1" });
    const token = tokenAfter(await latestLinkMailedTo(user.email, "/reset-password/"), "/reset-password/");
    await changePassword({ user, input: { currentPassword: PASSWORD, newPassword: "a-new-password" }, ip: user.ip });
    await expect(resetPassword({ token, input: { password: "attacker-password" } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("name and email", () => {
  it("changes the name; the session shows the account's current name", async () => {
    const user = await account();
    expect(await updateName({ user, input: { name: "  Han Meimei " } })).toEqual({ name: "Han Meimei" });
    await expect(updateName({ user, input: { name: " " } })).rejects.toBeInstanceOf(ValidationError);
    signedInAs(user, user.sessionVersion);
    expect(await getSessionUser()).toMatchObject({ name: "Han Meimei" });
  });

  it("the address changes only when the link mailed to the new one is used; the old one gets a notice", async () => {
    const user = await account();
    const newEmail = `moved-${n}@example.com`;
    expect(await requestEmailChange({ user, input: { email: newEmail }, ip: user.ip })).toEqual({ email: newEmail, sent: true });
    expect(await getAccount(user.id)).toMatchObject({ email: user.email, pendingEmail: newEmail, organizations: [expect.objectContaining({ role: "owner" })] });
    const token = tokenAfter(await latestLinkMailedTo(newEmail, "/change-email/"), "/change-email/");

    expect(await confirmEmailChange({ token })).toEqual({ userId: user.id, email: newEmail, previousEmail: user.email });
    await expect(confirmEmailChange({ token })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getAccount(user.id)).toMatchObject({ email: newEmail, pendingEmail: null });
    const db = await getDb();
    const notice = await db.select().from(outboxEmails).where(eq(outboxEmails.to, user.email));
    expect(notice.map((m) => m.subject)).toContainEqual(expect.stringContaining("email address was changed"));
    expect(notice.find((m) => m.subject.includes("was changed"))!.text).toContain(newEmail);
    // Sign-in now takes the new address, and the session shows it.
    expect((await checkCredentials(newEmail, PASSWORD, "10.80.0.1")).id).toBe(user.id);
    await expectAuditRow(user.org, { action: "member.email_changed", actor: { actor: { type: "user", id: user.id } }, before: { email: user.email }, after: { email: newEmail } });
    signedInAs(user, user.sessionVersion);
    expect(await getSessionUser()).toMatchObject({ email: newEmail });
  });

  it("refuses an address another account has, at the request and again when the link is used", async () => {
    const user = await account();
    const other = await account();
    await expect(requestEmailChange({ user, input: { email: other.email }, ip: user.ip })).rejects.toBeInstanceOf(ConflictError);
    await expect(requestEmailChange({ user, input: { email: user.email }, ip: user.ip })).rejects.toBeInstanceOf(ValidationError);

    const wanted = `wanted-${n}@example.com`;
    await requestEmailChange({ user, input: { email: wanted }, ip: user.ip });
    const token = tokenAfter(await latestLinkMailedTo(wanted, "/change-email/"), "/change-email/");
    const db = await getDb();
    await db.update(users).set({ email: wanted }).where(eq(users.id, other.id));
    await expect(confirmEmailChange({ token })).rejects.toThrow("Another account already uses this email address.");
    expect((await getAccount(user.id)).email).toBe(user.email);
  });

  it("a reset link mailed to the old address stops working once the address changes", async () => {
    const user = await account();
    await requestPasswordReset({ email: user.email }, { ip: "10.81.0.1" });
    const reset = tokenAfter(await latestLinkMailedTo(user.email, "/reset-password/"), "/reset-password/");
    await requestEmailChange({ user, input: { email: `new-home-${n}@example.com` }, ip: user.ip });
    await confirmEmailChange({ token: tokenAfter(await latestLinkMailedTo(`new-home-${n}@example.com`, "/change-email/"), "/change-email/") });
    await expect(resetPassword({ token: reset, input: { password: "taken-over-password" } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
