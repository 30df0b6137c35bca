import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { emailTokens, memberships, organizations, outboxEmails, users } from "@/db/schema";
import { isEmailVerified } from "@/lib/auth/email-verified";
import { ForbiddenError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { createOrganization, listUserOrganizations } from "@/lib/services/organizations";
import { useTestDatabase } from "@/tests/db";
import { latestLinkMailedTo } from "@/tests/fixtures";
import { consumeEmailToken, issueEmailToken } from "./email-tokens";
import { signUp } from "./sign-up";
import { resendVerificationEmail } from "./resend-verification-email";
import { VERIFICATION_MAIL_LIMITS } from "./verification-mail";
import { verifyEmail } from "./verify-email";

const sent = vi.hoisted(() => ({ mails: [] as { from: string; to: string; subject: string; text: string }[], fail: false }));
vi.mock("nodemailer", () => ({
  createTransport: () => ({
    sendMail: async (mail: { from: string; to: string; subject: string; text: string }) => {
      if (sent.fail) throw new Error("connection refused");
      sent.mails.push(mail);
      return { messageId: "x" };
    },
  }),
}));

useTestDatabase();

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  sent.mails = [];
  sent.fail = false;
});

let n = 0;
const person = (organizationName = "Verified Org") => ({ name: "Wang Fang", email: `person-${++n}@example.com`, password: "a-good-password", organizationName });
const tokenOf = (link: string) => link.split("/verify-email/")[1]!;

describe("sign-up verification", () => {
  it("creates an unverified account with no organisation and mails it a link; the link verifies once and creates the organisation", async () => {
    const input = person("Hangzhou Tea");
    const { userId, email } = await signUp(input, { ip: "10.50.0.1" });
    expect(await isEmailVerified(userId)).toBe(false);
    expect(await listUserOrganizations(userId)).toEqual([]);
    const link = await latestLinkMailedTo(email, "/verify-email/");
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:9\/verify-email\/[A-Za-z0-9_-]{40,}$/);
    // The database keeps only a hash of the token.
    const db = await getDb();
    const [stored] = await db.select().from(emailTokens).where(eq(emailTokens.userId, userId));
    expect(stored.tokenHash).not.toContain(tokenOf(link));

    const verified = await verifyEmail({ token: tokenOf(link), locale: "zh-CN" });
    expect(verified.orgSlug).toBe("hangzhou-tea");
    // The organisation speaks the language its creator signed up in, to the members it invites.
    const [org] = await db.select({ defaultLocale: organizations.defaultLocale }).from(organizations).where(eq(organizations.slug, "hangzhou-tea"));
    expect(org.defaultLocale).toBe("zh-CN");
    expect(await isEmailVerified(userId)).toBe(true);
    expect(await listUserOrganizations(userId)).toEqual([expect.objectContaining({ slug: "hangzhou-tea", role: "owner" })]);
    await expect(verifyEmail({ token: tokenOf(link) })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("until verified, the account cannot create organisations", async () => {
    const { userId, email } = await signUp(person(), { ip: "10.50.0.2" });
    await expect(createOrganization({ user: { id: userId, email }, input: { name: "Another Org" } })).rejects.toThrow(
      "Verify your email address first: open the link we sent you, or ask for a new one.",
    );
    await expect(createOrganization({ user: { id: userId, email }, input: { name: "Another Org" } })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses an expired link, and a resent link replaces the earlier one", async () => {
    const { userId, email } = await signUp(person(), { ip: "10.50.0.3" });
    const first = await latestLinkMailedTo(email, "/verify-email/");
    await resendVerificationEmail({ user: { id: userId }, ip: "10.50.0.3" });
    const second = await latestLinkMailedTo(email, "/verify-email/");
    expect(second).not.toBe(first);
    await expect(verifyEmail({ token: tokenOf(first) })).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    await db.update(emailTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(emailTokens.userId, userId));
    await expect(verifyEmail({ token: tokenOf(second) })).rejects.toBeInstanceOf(NotFoundError);
    expect(await isEmailVerified(userId)).toBe(false);
  });

  it("keeps the organisation chosen at sign-up across a resent link", async () => {
    const { userId, email } = await signUp(person("Resent Org"), { ip: "10.50.0.4" });
    await resendVerificationEmail({ user: { id: userId }, ip: "10.50.0.4" });
    const { orgSlug } = await verifyEmail({ token: tokenOf(await latestLinkMailedTo(email, "/verify-email/")) });
    expect(orgSlug).toBe("resent-org");
  });

  it("limits verification mail per account and per IP", async () => {
    const { userId, email } = await signUp(person(), { ip: "10.51.0.1" });
    for (let i = 0; i < VERIFICATION_MAIL_LIMITS.perAccount; i++) await resendVerificationEmail({ user: { id: userId }, ip: `10.52.0.${i}` });
    await expect(resendVerificationEmail({ user: { id: userId }, ip: "10.53.0.1" })).rejects.toBeInstanceOf(RateLimitedError);
    const db = await getDb();
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.to, email));
    expect(mails).toHaveLength(1 + VERIFICATION_MAIL_LIMITS.perAccount);

    for (let i = 0; i < VERIFICATION_MAIL_LIMITS.perIp; i++) await signUp(person(), { ip: "10.54.0.1" });
    const extra = person();
    await expect(signUp(extra, { ip: "10.54.0.1" })).rejects.toBeInstanceOf(RateLimitedError);
    // Refused before anything was written: no account, no mail.
    expect(await db.select().from(users).where(eq(users.email, extra.email))).toEqual([]);
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.to, extra.email))).toEqual([]);
  });

  it("a token of one purpose cannot be used for another (the change-email flow reuses the mechanism)", async () => {
    const { userId, email } = await signUp(person(), { ip: "10.55.0.1" });
    const db = await getDb();
    const token = await issueEmailToken(db, { userId, purpose: "change_email", email: "new-address@example.com" });
    await expect(verifyEmail({ token })).rejects.toBeInstanceOf(NotFoundError);
    expect(await consumeEmailToken(db, token, "change_email")).toMatchObject({ userId, email: "new-address@example.com" });
    expect(await consumeEmailToken(db, token, "change_email")).toBeNull();
    expect((await db.select().from(users).where(eq(users.id, userId)))[0]!.email).toBe(email);
  });

  it("a link for an address the account no longer has verifies nothing", async () => {
    const { userId, email } = await signUp(person(), { ip: "10.56.0.1" });
    const link = await latestLinkMailedTo(email, "/verify-email/");
    const db = await getDb();
    await db.update(users).set({ email: `moved-${email}` }).where(eq(users.id, userId));
    await expect(verifyEmail({ token: tokenOf(link) })).rejects.toBeInstanceOf(NotFoundError);
    expect(await isEmailVerified(userId)).toBe(false);
    expect(await db.select().from(memberships).where(eq(memberships.userId, userId))).toEqual([]);
  });
});

describe("mail transport", () => {
  it("with SMTP_URL, sends through SMTP from MAIL_FROM and writes nothing to the outbox", async () => {
    process.env.SMTP_URL = "smtp://mail.example.com:587";
    process.env.MAIL_FROM = "Desk <desk@example.com>";
    const input = person();
    await signUp(input, { ip: "10.57.0.1" });
    expect(sent.mails).toEqual([expect.objectContaining({ from: "Desk <desk@example.com>", to: input.email, subject: expect.stringContaining("Verify your email") })]);
    expect(sent.mails[0]!.text).toMatch(/\/verify-email\/[A-Za-z0-9_-]+/);
    const db = await getDb();
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.to, input.email))).toEqual([]);
  });

  it("an SMTP failure at sign-up keeps the account, and the link can be sent again", async () => {
    process.env.SMTP_URL = "smtp://mail.example.com:587";
    sent.fail = true;
    const { userId, emailed } = await signUp(person(), { ip: "10.58.0.1" });
    expect(emailed).toBe(false);
    sent.fail = false;
    expect((await resendVerificationEmail({ user: { id: userId }, ip: "10.58.0.1" })).sent).toBe(true);
    expect(sent.mails).toHaveLength(1);
  });
});
