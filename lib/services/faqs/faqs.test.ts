import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, botKbState } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/db";
import { createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import {
  createFaq,
  deleteFaq,
  exportFaqsCsv,
  exportFaqsJson,
  getFaq,
  importFaqs,
  listFaqCategories,
  listFaqs,
  listFaqSynonyms,
  matchFaq,
  saveFaqSynonyms,
  setFaqsEnabled,
  updateFaq,
} from ".";
import { ensureKbRoom } from "./revision";

useTestDatabase();

let a: OrgFixture;
let b: OrgFixture;

async function revision(orgId: string) {
  const db = await getDb();
  const [row] = await db.select({ r: botKbState.kbRevision }).from(botKbState).where(eq(botKbState.orgId, orgId));
  return row?.r ?? 0;
}

const ask = (orgId: string, text: string) => matchFaq({ orgId, channelId: null, skillGroupId: null, text });

beforeAll(async () => {
  a = await createOrgFixture("FAQ A");
  b = await createOrgFixture("FAQ B");
});

describe("FAQ entries", () => {
  it("creates, reads, changes and deletes an entry; each write moves the revision and the bot sees it at once", async () => {
    const before = await revision(a.org.id);
    const faq = await createFaq({
      ctx: a.as.admin,
      input: { question: " 是否包邮？ ", alternatives: ["包邮吗", "", "包邮吗"], answer: { kind: "text", text: "满 49 美元包邮。" }, language: "zh-CN", category: "Shipping" },
    });
    expect(faq).toMatchObject({ question: "是否包邮？", alternatives: ["包邮吗"], enabled: true, category: "Shipping", skillGroupIds: [], channelIds: [] });
    expect(await revision(a.org.id)).toBe(before + 1);
    expect((await ask(a.org.id, "包邮吗")).best?.faqId).toBe(faq.id);
    expect(await getFaq({ ctx: a.as.agent, faqId: faq.id })).toEqual(faq);

    const changed = await updateFaq({ ctx: a.as.owner, faqId: faq.id, input: { answer: { kind: "buttons", text: "满 49 美元包邮。", buttons: [{ type: "web_url", title: "运费说明", url: "https://shop.example/shipping" }] } } });
    expect(changed.answer.kind).toBe("buttons");
    expect((await ask(a.org.id, "包邮吗")).best?.answer.kind).toBe("buttons");

    await updateFaq({ ctx: a.as.admin, faqId: faq.id, input: { enabled: false } });
    expect((await ask(a.org.id, "包邮吗")).best).toBeNull();

    await deleteFaq({ ctx: a.as.admin, faqId: faq.id });
    await expect(getFaq({ ctx: a.as.admin, faqId: faq.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await revision(a.org.id)).toBe(before + 4);
    const db = await getDb();
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.resourceId, faq.id)));
    expect(audits.map((r) => r.action).sort()).toEqual(["faq.created", "faq.deleted", "faq.updated", "faq.updated"]);
  });

  it("refuses what Messenger cannot send and names the field", async () => {
    const base = { question: "Q", language: "en" };
    const refused = async (answer: unknown, field: string) => {
      const error = await createFaq({ ctx: a.as.admin, input: { ...base, answer } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldMessages)).toContain(field);
    };
    await refused({ kind: "text", text: "" }, "answer.text");
    await refused({ kind: "image", imageUrl: "javascript:alert(1)" }, "answer.imageUrl");
    await refused({ kind: "buttons", text: "x", buttons: Array(4).fill({ type: "postback", title: "a", payload: "p" }) }, "answer.buttons");
    await refused({ kind: "quick_replies", text: "x", quickReplies: [{ title: "a title longer than twenty", payload: "p" }] }, "answer.quickReplies.0.title");
    await expect(createFaq({ ctx: a.as.admin, input: { ...base, answer: { kind: "text", text: "x" }, language: "fr" } })).rejects.toBeInstanceOf(ValidationError);
  });

  it("scopes an entry to the organisation's own skill groups and channels only", async () => {
    const mine = (await createSkillGroupWithAgents(a.org, 0, "FAQ scope")).group.id;
    const theirs = (await createSkillGroupWithAgents(b.org, 0, "Other")).group.id;
    const input = { question: "批发价", answer: { kind: "text", text: "x" }, language: "zh-CN" };
    expect((await createFaq({ ctx: a.as.admin, input: { ...input, skillGroupIds: [mine] } })).skillGroupIds).toEqual([mine]);
    await expect(createFaq({ ctx: a.as.admin, input: { ...input, skillGroupIds: [theirs] } })).rejects.toBeInstanceOf(ValidationError);
  });

  it("answers another organisation's entry as not found, and refuses members without the permission", async () => {
    const faq = await createFaq({ ctx: a.as.admin, input: { question: "Where is my order?", answer: { kind: "text", text: "x" }, language: "en" } });
    await expect(getFaq({ ctx: b.as.owner, faqId: faq.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateFaq({ ctx: b.as.owner, faqId: faq.id, input: { enabled: false } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteFaq({ ctx: b.as.owner, faqId: faq.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await setFaqsEnabled({ ctx: b.as.owner, input: { ids: [faq.id], enabled: false } })).changed).toBe(0);
    expect((await getFaq({ ctx: a.as.admin, faqId: faq.id })).enabled).toBe(true);
    expect((await listFaqs({ ctx: b.as.owner })).map((f) => f.id)).not.toContain(faq.id);
    for (const ctx of [a.as.agent, a.as.marketer]) {
      await expect(createFaq({ ctx, input: { question: "x", answer: { kind: "text", text: "x" }, language: "en" } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteFaq({ ctx, faqId: faq.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(importFaqs({ ctx, input: { format: "json", content: "[]" } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveFaqSynonyms({ ctx, input: { groups: [] } })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await listFaqs({ ctx: a.as.agent })).length).toBeGreaterThan(0);
  });

  it("lists by words, language, category and state, and enables or disables in bulk", async () => {
    const org = await createOrgFixture("FAQ list");
    const mk = (question: string, language: "en" | "zh-CN", category: string, alternatives: string[] = []) =>
      createFaq({ ctx: org.as.admin, input: { question, alternatives, answer: { kind: "text", text: "x" }, language, category } });
    const refund = await mk("怎么退款？", "zh-CN", "售后", ["可以退钱吗"]);
    const track = await mk("Where is my order?", "en", "Shipping", ["track my parcel"]);
    const size = await mk("Size chart", "en", "Products");
    expect((await listFaqs({ ctx: org.as.agent, input: { q: "退钱" } })).map((f) => f.id)).toEqual([refund.id]);
    expect((await listFaqs({ ctx: org.as.agent, input: { q: "PARCEL" } })).map((f) => f.id)).toEqual([track.id]);
    expect((await listFaqs({ ctx: org.as.agent, input: { language: "en" } })).map((f) => f.id).sort()).toEqual([track.id, size.id].sort());
    expect((await listFaqs({ ctx: org.as.agent, input: { category: "售后" } })).map((f) => f.id)).toEqual([refund.id]);
    expect(await listFaqCategories({ ctx: org.as.agent })).toEqual(["Products", "Shipping", "售后"].sort());

    expect(await setFaqsEnabled({ ctx: org.as.admin, input: { ids: [track.id, size.id], enabled: false } })).toEqual({ changed: 2 });
    expect((await listFaqs({ ctx: org.as.agent, input: { enabled: "false" } })).map((f) => f.id).sort()).toEqual([track.id, size.id].sort());
    expect((await ask(org.org.id, "where is my order")).best).toBeNull();
    expect(await setFaqsEnabled({ ctx: org.as.admin, input: { ids: [track.id], enabled: true } })).toEqual({ changed: 1 });
    expect((await ask(org.org.id, "where is my order")).best?.faqId).toBe(track.id);
  });
});

describe("the knowledge base's size", () => {
  it("refuses a write that leaves more entries than the cap (create and import check it before they commit)", async () => {
    const org = await createOrgFixture("FAQ cap");
    for (const question of ["one", "two", "three"]) await createFaq({ ctx: org.as.admin, input: { question, answer: { kind: "text", text: "x" }, language: "en" } });
    const db = await getDb();
    await expect(db.transaction((tx) => ensureKbRoom(tx, org.org.id, 3))).resolves.toBeUndefined();
    const refused = db.transaction((tx) => ensureKbRoom(tx, org.org.id, 2));
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({ status: 409, messageKey: "faqs.errors.kbFull" });
  });
});

describe("synonyms", () => {
  it("saves the organisation's groups and the matcher uses them", async () => {
    const org = await createOrgFixture("FAQ synonyms");
    const faq = await createFaq({ ctx: org.as.admin, input: { question: "Do you sell the Aurora lamp?", answer: { kind: "text", text: "Yes" }, language: "en" } });
    expect((await ask(org.org.id, "do you sell the northern light")).decision).not.toBe("answer");
    await saveFaqSynonyms({ ctx: org.as.admin, input: { groups: [["Aurora lamp", "northern light", " "], ["极光灯", "aurora"]] } });
    expect(await listFaqSynonyms({ ctx: org.as.agent })).toEqual({ groups: [["Aurora lamp", "northern light"], ["极光灯", "aurora"]] });
    expect(await ask(org.org.id, "do you sell the northern light")).toMatchObject({ decision: "answer", best: { faqId: faq.id } });
    await expect(saveFaqSynonyms({ ctx: org.as.admin, input: { groups: [["alone"]] } })).rejects.toBeInstanceOf(ValidationError);
    expect(await listFaqSynonyms({ ctx: b.as.owner })).toEqual({ groups: [] });
  });
});

describe("import and export", () => {
  it("imports a CSV (quoted cells, Chinese, a BOM) and exports it back unchanged", async () => {
    const org = await createOrgFixture("FAQ csv");
    const csv =
      "\uFEFFquestion,alternatives,answer,language,category,enabled\r\n" +
      '是否包邮？,包邮吗 | 满多少包邮,"满 49 美元包邮，""全球""",zh-CN,运费,TRUE\r\n' +
      '"Where is my order?","track my order | where is my parcel","Open the order page.\nThen tap Track.",en,Shipping,no\r\n' +
      "=SUM(A1),,'=formula,en,,\r\n";
    expect(await importFaqs({ ctx: org.as.admin, input: { format: "csv", content: csv } })).toEqual({ imported: 3, replaced: 0 });
    const list = await listFaqs({ ctx: org.as.admin });
    const shipping = list.find((f) => f.question === "是否包邮？")!;
    expect(shipping).toMatchObject({ alternatives: ["包邮吗", "满多少包邮"], answer: { kind: "text", text: "满 49 美元包邮，\"全球\"" }, language: "zh-CN", category: "运费", enabled: true });
    expect(list.find((f) => f.language === "en" && f.category === "Shipping")).toMatchObject({ enabled: false, answer: { text: "Open the order page.\nThen tap Track." } });
    const exported = await exportFaqsCsv({ ctx: org.as.agent });
    expect(exported.startsWith("\uFEFFquestion,alternatives,answer,language,category,enabled\r\n")).toBe(true);
    expect(exported).toContain("'=SUM(A1)");

    const copy = await createOrgFixture("FAQ csv copy");
    await importFaqs({ ctx: copy.as.admin, input: { format: "csv", content: exported } });
    const strip = (f: { question: string; alternatives: string[]; answer: unknown; language: string; category: string; enabled: boolean }) => ({
      q: f.question,
      alt: f.alternatives,
      answer: f.answer,
      language: f.language,
      category: f.category,
      enabled: f.enabled,
    });
    const sort = (l: ReturnType<typeof strip>[]) => l.sort((x, y) => x.q.localeCompare(y.q));
    expect(sort((await listFaqs({ ctx: copy.as.admin })).map(strip))).toEqual(sort(list.map(strip)));
  });

  it("imports JSON with every answer kind, and replace deletes the old entries in the same transaction", async () => {
    const org = await createOrgFixture("FAQ json");
    await createFaq({ ctx: org.as.admin, input: { question: "old", answer: { kind: "text", text: "x" }, language: "en" } });
    const entries = [
      { question: "Catalogue", answer: { kind: "image", imageUrl: "https://shop.example/c.png" }, language: "en" },
      { question: "Contact", answer: { kind: "quick_replies", text: "How?", quickReplies: [{ title: "Email", payload: "EMAIL" }] }, language: "en", enabled: false },
    ];
    expect(await importFaqs({ ctx: org.as.admin, input: { format: "json", content: JSON.stringify(entries), mode: "replace" } })).toEqual({ imported: 2, replaced: 1 });
    const json = await exportFaqsJson({ ctx: org.as.admin });
    const parsed = JSON.parse(json) as { question: string }[];
    expect(parsed.map((e) => e.question).sort()).toEqual(["Catalogue", "Contact"]);
    const copy = await createOrgFixture("FAQ json copy");
    expect((await importFaqs({ ctx: copy.as.admin, input: { format: "json", content: json } })).imported).toBe(2);
  });

  it("refuses a file with a bad row, names each row and field, and imports nothing", async () => {
    const org = await createOrgFixture("FAQ bad import");
    const csv = "question,answer,language\n好问题,好回答,zh-CN\n,没有问题,zh-CN\nBad language,x,fr\n";
    const error = (await importFaqs({ ctx: org.as.admin, input: { format: "csv", content: csv } }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldMessages).sort()).toEqual(["rows.3.question", "rows.4.language"]);
    expect(error.message).toContain("Row 3: question");
    expect(await listFaqs({ ctx: org.as.admin })).toEqual([]);

    const json = (await importFaqs({ ctx: org.as.admin, input: { format: "json", content: '[{"question":"ok","answer":{"kind":"text","text":"x"},"language":"en"},{"question":"no answer","language":"en"}]' } }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(Object.keys(json.fieldMessages)).toEqual(["rows.2.answer"]);
    await expect(importFaqs({ ctx: org.as.admin, input: { format: "json", content: "{" } })).rejects.toThrow("not valid JSON");
    await expect(importFaqs({ ctx: org.as.admin, input: { format: "csv", content: "question,answer\nx,y\n" } })).rejects.toThrow("language");
    expect(await listFaqs({ ctx: org.as.admin })).toEqual([]);
  });
});
