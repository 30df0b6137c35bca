import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { faqEntries, faqSynonyms } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { detectLanguage, matchFaq } from ".";
import { bumpKbRevision } from "./revision";

useTestDatabase();

let a: OrgFixture;
let b: OrgFixture;
let support: string;
let sales: string;
let shop: string;
const ids: Record<string, string> = {};

async function addEntry(orgId: string, key: string, values: Partial<typeof faqEntries.$inferInsert> & { question: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(faqEntries)
      .values({ orgId, language: "zh-CN", answer: { kind: "text", text: key }, ...values })
      .returning({ id: faqEntries.id });
    ids[key] = row!.id;
    await bumpKbRevision(tx, orgId);
  });
}

beforeAll(async () => {
  a = await createOrgFixture("Matcher A");
  b = await createOrgFixture("Matcher B");
  support = (await createSkillGroupWithAgents(a.org, 0, "Support")).group.id;
  sales = (await createSkillGroupWithAgents(a.org, 0, "Sales")).group.id;
  shop = (await createChannelFor(a.org.id, support)).id;
  await addEntry(a.org.id, "shipping", { question: "是否包邮？", alternatives: ["运费怎么算"] });
  await addEntry(a.org.id, "tracking", { question: "我的订单到哪里了？", alternatives: ["怎么查物流"] });
  await addEntry(a.org.id, "refund", { question: "如何申请退款？", alternatives: ["可以退货吗"] });
  await addEntry(a.org.id, "en-tracking", { question: "Where is my order?", alternatives: ["How do I track my order?"], language: "en" });
  await addEntry(a.org.id, "en-shipping", { question: "Do you offer free shipping?", language: "en" });
  await addEntry(a.org.id, "wholesale", { question: "批发价格是多少？", skillGroupIds: [sales] });
  await addEntry(a.org.id, "disabled", { question: "你们有实体店吗？", enabled: false });
  await addEntry(b.org.id, "other-org", { question: "Where is my order?", language: "en" });
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(faqSynonyms).values([
      { orgId: a.org.id, terms: ["包邮", "免运费", "免邮"] },
      { orgId: a.org.id, terms: ["订单", "包裹", "快递"] },
      { orgId: a.org.id, terms: ["order", "package", "parcel"] },
    ]);
    await bumpKbRevision(tx, a.org.id);
  });
});

const ask = (text: string, scope: { skillGroupId?: string | null; channelId?: string | null } = {}) =>
  matchFaq({ orgId: a.org.id, channelId: scope.channelId ?? shop, skillGroupId: scope.skillGroupId === undefined ? support : scope.skillGroupId, text });

describe("matchFaq", () => {
  it("answers a Chinese question phrased differently, through the organisation's synonyms", async () => {
    const result = await ask("免运费吗");
    expect(result).toMatchObject({ decision: "answer", language: "zh-CN", best: { faqId: ids.shipping, question: "是否包邮？", answer: { kind: "text", text: "shipping" } } });
    expect((await ask("我的快递到哪了")).best?.faqId).toBe(ids.tracking);
  });

  it("answers an English question through stemming and synonyms, in the person's language", async () => {
    const result = await ask("where is my package??");
    expect(result).toMatchObject({ decision: "answer", language: "en", best: { faqId: ids["en-tracking"], language: "en" } });
    expect((await ask("is shipping free")).best?.faqId).toBe(ids["en-shipping"]);
  });

  it("does not know what the knowledge base does not cover", async () => {
    for (const text of ["今天天气怎么样", "what is the meaning of life", "   "]) expect((await ask(text)).decision).toBe("unknown");
  });

  it("matches only enabled entries that apply to the conversation's skill group or channel", async () => {
    expect((await ask("你们有实体店吗")).best?.faqId).not.toBe(ids.disabled);
    expect((await ask("批发价格多少", { skillGroupId: sales })).best?.faqId).toBe(ids.wholesale);
    expect((await ask("批发价格多少")).best?.faqId).not.toBe(ids.wholesale);
  });

  it("never answers from another organisation's knowledge base", async () => {
    const result = await matchFaq({ orgId: b.org.id, channelId: null, skillGroupId: null, text: "how do I track my order" });
    expect(result.best?.faqId).toBe(ids["other-org"]);
    expect((await matchFaq({ orgId: b.org.id, channelId: null, skillGroupId: null, text: "是否包邮" })).best).toBeNull();
  });

  it("sees a new entry as soon as the revision moves, and a configuration's thresholds win", async () => {
    expect((await ask("你们几点上班")).decision).toBe("unknown");
    await addEntry(a.org.id, "hours", { question: "你们几点上班？", alternatives: ["客服工作时间"] });
    expect((await ask("你们几点上班")).best?.faqId).toBe(ids.hours);
    const strict = await matchFaq({ orgId: a.org.id, channelId: shop, skillGroupId: support, text: "客服什么时候上班", thresholds: { answer: 1.01, suggest: 0.01 } });
    expect(strict.decision).toBe("suggest");
    expect(strict.suggestions[0]?.faqId).toBe(ids.hours);
  });

  it("tells the language by the script", () => {
    expect(detectLanguage("包邮吗")).toBe("zh-CN");
    expect(detectLanguage("iPhone 15 包邮吗")).toBe("zh-CN");
    expect(detectLanguage("where is my package")).toBe("en");
    expect(detectLanguage("")).toBe("en");
  });
});
