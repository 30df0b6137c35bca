import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { botEvents, faqEntries } from "@/db/schema";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { getBotAnalytics, normalizeQuestion } from "./index";

useTestDatabase();

let f: OrgFixture;
let other: OrgFixture;
let shippingId: string;
let invoiceId: string;
let channelA: string;
let channelB: string;

type Event = typeof botEvents.$inferInsert;

beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
  const group = await createSkillGroupWithAgents(f.org, 1, "Support");
  channelA = (await createChannelFor(f.org.id, group.group.id)).id;
  channelB = (await createChannelFor(f.org.id, group.group.id)).id;
  const db = await getDb();
  const [shipping] = await db.insert(faqEntries).values({ orgId: f.org.id, question: "包邮吗？", language: "zh-CN", answer: { kind: "text", text: "满 99 元包邮。" } }).returning();
  const [invoice] = await db.insert(faqEntries).values({ orgId: f.org.id, question: "Can I get an invoice?", language: "en", answer: { kind: "text", text: "Yes." } }).returning();
  shippingId = shipping!.id;
  invoiceId = invoice!.id;
  const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  const e = (kind: Event["kind"], day: string, extra: Partial<Event> = {}, hour = 10): Event => ({ orgId: f.org.id, channelId: channelA, kind, createdAt: at(day, hour), ...extra });
  await db.insert(botEvents).values([
    e("answered", "2026-11-02", { faqId: shippingId, score: 0.8 }),
    e("answered", "2026-11-02", { faqId: shippingId, score: 0.7, channelId: channelB }),
    e("answered", "2026-11-03", { faqId: invoiceId, score: 0.9 }),
    e("helpful", "2026-11-02", { faqId: shippingId }),
    e("unhelpful", "2026-11-02", { faqId: shippingId }),
    e("unhelpful", "2026-11-03", { faqId: invoiceId }),
    e("suggested", "2026-11-03", { question: "运费多少" }),
    e("unanswered", "2026-11-03", { question: "Can I pay with PayPal?", language: "en" }, 8),
    e("unanswered", "2026-11-04", { question: "can i pay with paypal", language: "en" }, 9),
    e("unanswered", "2026-11-04", { question: "Can I pay with PayPal ？ ", language: "en" }, 11),
    e("unanswered", "2026-11-04", { question: "能开发票吗", language: "zh-CN" }),
    e("handover", "2026-11-04", { handoverReason: "user_request" }),
    e("handover", "2026-11-04", { handoverReason: "user_request", channelId: channelB }),
    e("handover", "2026-11-05", { handoverReason: "misses" }),
    e("message_taken", "2026-11-05"),
    // Outside the range, and another organisation's: never counted.
    e("answered", "2026-10-31", { faqId: shippingId }, 23),
    e("unanswered", "2026-11-06", { question: "too late" }, 0),
    { orgId: other.org.id, kind: "unanswered", question: "other org's question", createdAt: at("2026-11-03") },
  ]);
});

describe("bot analytics", () => {
  it("counts answers, votes per entry, handovers by reason and groups unanswered questions over the range", async () => {
    const report = await getBotAnalytics({ ctx: f.as.admin, input: { from: "2026-11-01", to: "2026-11-05" } });
    expect(report.range).toEqual({ from: "2026-11-01", to: "2026-11-05" });
    expect(report.totals).toEqual({ answered: 3, suggested: 1, unanswered: 4, helpful: 1, unhelpful: 2, handovers: 3, messagesTaken: 1 });
    expect(report.entries).toEqual([
      { faqId: shippingId, question: "包邮吗？", answered: 2, helpful: 1, unhelpful: 1 },
      { faqId: invoiceId, question: "Can I get an invoice?", answered: 1, helpful: 0, unhelpful: 1 },
    ]);
    expect(report.handovers).toEqual([
      { reason: "user_request", count: 2 },
      { reason: "misses", count: 1 },
    ]);
    expect(report.unanswered).toEqual([
      // The three PayPal wordings are one question; the latest wording stands for them.
      { question: "Can I pay with PayPal ？", count: 3, language: "en", lastAskedAt: "2026-11-04T11:00:00.000Z", createFaqUrl: `/o/${f.org.slug}/bot/faqs/new?question=Can%20I%20pay%20with%20PayPal%20%EF%BC%9F` },
      { question: "能开发票吗", count: 1, language: "zh-CN", lastAskedAt: "2026-11-04T10:00:00.000Z", createFaqUrl: `/o/${f.org.slug}/bot/faqs/new?question=${encodeURIComponent("能开发票吗")}` },
    ]);
  });

  it("filters by channel; a deleted entry keeps its counts without a question", async () => {
    const report = await getBotAnalytics({ ctx: f.as.owner, input: { from: "2026-11-01", to: "2026-11-05", channelId: channelB } });
    expect(report.totals).toMatchObject({ answered: 1, handovers: 1, unanswered: 0 });
    const db = await getDb();
    const [gone] = await db.insert(faqEntries).values({ orgId: f.org.id, question: "Old", language: "en", answer: { kind: "text", text: "x" } }).returning();
    await db.insert(botEvents).values({ orgId: f.org.id, kind: "answered", faqId: gone!.id, createdAt: new Date("2026-11-20T10:00:00Z") });
    await db.delete(faqEntries).where(eq(faqEntries.id, gone!.id));
    // The event's faqId is set null with the entry, so the answer still counts in the totals.
    const after = await getBotAnalytics({ ctx: f.as.owner, input: { from: "2026-11-20", to: "2026-11-20" } });
    expect(after.totals.answered).toBe(1);
    expect(after.entries).toEqual([]);
  });

  it("defaults to the last 30 days and refuses bad ranges", async () => {
    const report = await getBotAnalytics({ ctx: f.as.admin });
    expect((Date.parse(report.range.to) - Date.parse(report.range.from)) / 86_400_000).toBe(29);
    await expect(getBotAnalytics({ ctx: f.as.admin, input: { from: "2026-11-05", to: "2026-11-01" } })).rejects.toThrow("from: The first day must not be after the last day.");
    await expect(getBotAnalytics({ ctx: f.as.admin, input: { from: "2025-01-01", to: "2026-11-01" } })).rejects.toBeInstanceOf(ValidationError);
    await expect(getBotAnalytics({ ctx: f.as.admin, input: { from: "11/01/2026" } })).rejects.toThrow("from: Enter a date as YYYY-MM-DD.");
  });

  it("agents and marketers may not read it; another organisation sees only its own", async () => {
    for (const role of ["agent", "marketer"] as const) await expect(getBotAnalytics({ ctx: f.as[role] })).rejects.toBeInstanceOf(ForbiddenError);
    const theirs = await getBotAnalytics({ ctx: other.as.owner, input: { from: "2026-11-01", to: "2026-11-05" } });
    expect(theirs.totals.unanswered).toBe(1);
    expect(theirs.unanswered.map((u) => u.question)).toEqual(["other org's question"]);
  });

  it("normalises questions by width, case and punctuation, not by words", () => {
    expect(normalizeQuestion("包邮吗？")).toBe(normalizeQuestion("包邮吗?"));
    expect(normalizeQuestion("  Where is MY package!!  ")).toBe("where is my package");
    expect(normalizeQuestion("where is my parcel")).not.toBe(normalizeQuestion("where is my package"));
  });
});
