/**
 * The FAQ bot's latency through the real app (`next start`, PostgreSQL, the sandbox as Meta): a person's message
 * POSTed to the webhook until the sandbox's Send API takes the bot's first call for it, with a knowledge base of
 * 5,000 entries (both languages). Two figures per message:
 * - `messageToGraphCallMs`: from the webhook POST to the bot's Graph call. It includes the webhook path itself
 *   (ingest, the 1 s gathering window of webhook processing, the workflow's steps);
 * - `botStepMs`: from the person's message stored by webhook processing (its row's `created_at`) to the bot's
 *   Graph call: matching, deciding, storing the bot's messages and calling Meta, i.e. what the bot adds on top
 *   of the webhook path (goal p95 at most 200 ms).
 * Each sample is a new person asking one of the evaluation's paraphrases, so the bot's first Graph call is its
 * disclosure (said once, before the answer, the suggestions or "I don't know"). The first questions, which build the organisation's index,
 * are warm-up and not counted.
 */
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { agentPresence, botConfigs, botKbState, faqEntries, memberships, organizations, skillGroupMembers, users, type FaqAnswer } from "@/db/schema";
import { EVALUATION_ENTRIES } from "@/lib/services/faqs";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { buildContext } from "@/lib/tenancy/context";
import { startSandbox } from "@/sandbox/server";
import { ensureBuild, startApp } from "./app-server";
import { faqKnowledgeBase } from "./faq-kb";
import { benchDatabase, waitForWorkflowSync } from "./database";
import { percentile } from "./load";

const PAGE_ID = "1000000000000001";
const APP_SECRET = "demo-app-secret";

export interface BotLatencyOptions {
  /** Entries in the knowledge base (half Chinese, half English). */
  kbEntries?: number;
  /** Timed messages (after the warm-up). */
  samples?: number;
  port?: number;
  serverUrl?: string;
}

async function seed(handle: DatabaseHandle, kbEntries: number): Promise<void> {
  setDatabase(handle);
  const db = handle.db;
  const [owner] = await db.insert(users).values({ email: "owner@bot-bench.example", name: "Owner", emailVerifiedAt: new Date() }).returning();
  const [org] = await db.insert(organizations).values({ name: "Bot bench", slug: "bot-bench" }).returning();
  const [membership] = await db.insert(memberships).values({ orgId: org!.id, userId: owner!.id, role: "owner" }).returning();
  const ctx = buildContext({ org: org!, actor: { type: "user", id: owner!.id, label: owner!.email }, role: "owner", membershipId: membership!.id });
  const group = await createSkillGroup({ ctx, input: { name: "Support" } });
  await db.insert(skillGroupMembers).values({ orgId: org!.id, skillGroupId: group.id, membershipId: membership!.id });
  await db.insert(agentPresence).values({ orgId: org!.id, membershipId: membership!.id, status: "online", lastActivityAt: new Date() });
  await createChannel({ ctx, input: { name: "Demo Page", pageId: PAGE_ID, pageAccessToken: "demo-page-token", appId: "2000000000000002", appSecret: APP_SECRET, skillGroupId: group.id } });
  // The knowledge base of the matcher's own benchmark (bench/lib/faq-kb.ts): the evaluation's entries among generated ones.
  const entries = faqKnowledgeBase(kbEntries).map((e) => ({ orgId: org!.id, question: e.question, alternatives: e.alternatives ?? [], answer: e.answer as FaqAnswer, language: e.language, category: e.category ?? "" }));
  for (let i = 0; i < entries.length; i += 500) await db.insert(faqEntries).values(entries.slice(i, i + 500));
  await db.insert(botKbState).values({ orgId: org!.id, kbRevision: 1 });
  await db.insert(botConfigs).values({ orgId: org!.id, skillGroupId: group.id, mode: "bot_first" });
}

function signedMessage(psid: string, mid: string, text: string) {
  const body = Buffer.from(JSON.stringify({ object: "page", entry: [{ id: PAGE_ID, time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: Date.now(), message: { mid, text } }] }] }));
  return { body, signature: `sha256=${createHmac("sha256", APP_SECRET).update(body).digest("hex")}` };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number) => Math.round(n * 10) / 10;

export async function measureBotLatency(options: BotLatencyOptions = {}) {
  const kbEntries = options.kbEntries ?? 5_000;
  const samples = options.samples ?? 40;
  const warmUp = 3;
  await ensureBuild();
  const sandbox = await startSandbox({ port: 0, appUrl: "http://127.0.0.1:9" });
  process.env.GRAPH_API_URL = sandbox.url;
  const people = sandbox.controls.bulk.createUsers(PAGE_ID, samples + warmUp, "Asker").map((u) => {
    // The bench writes the people's messages to the webhook itself: the sandbox must know they wrote (24 h window).
    Object.assign(u, { threadStarted: true, lastInboundAt: sandbox.controls.clock.now() });
    return u.psid;
  });
  const database = await benchDatabase("bot", options.serverUrl ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  await seed(database.handle, kbEntries);
  const app = await startApp(options.port ?? 3330, { DATABASE_URL: database.url!, GRAPH_API_URL: sandbox.url });
  // The evaluation's paraphrases (not in the knowledge base), both languages in turn.
  const questions = EVALUATION_ENTRIES.flatMap((e) => e.paraphrases);
  try {
    await waitForWorkflowSync(database.handle);
    const toGraph: number[] = [];
    const botStep: number[] = [];
    let unanswered = 0;
    for (let i = 0; i < people.length; i++) {
      const psid = people[i]!;
      const mid = `m_bot_bench_${i}`;
      const { body, signature } = signedMessage(psid, mid, questions[i % questions.length]!);
      const sentAt = Date.now();
      const res = await fetch(`${app.url}/facebook/webhook/${PAGE_ID}`, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": signature }, body });
      await res.arrayBuffer();
      let call: { at: number } | undefined;
      for (const deadline = Date.now() + 15_000; !call && Date.now() < deadline; ) {
        await sleep(20);
        call = sandbox.controls.sendLog.query({ psid }).records.find((r) => r.kind !== "unknown" && !r.kind.startsWith("sender_action"));
      }
      if (!call) {
        unanswered++;
        continue;
      }
      const [stored] = rowsOf<{ at: string | Date }>(await database.handle.db.execute(sql`select created_at as at from messages where mid = ${mid}`));
      if (i < warmUp) continue;
      toGraph.push(call.at - sentAt);
      if (stored) botStep.push(call.at - new Date(stored.at).getTime());
    }
    toGraph.sort((a, b) => a - b);
    botStep.sort((a, b) => a - b);
    return {
      setup: `next start + PostgreSQL + the sandbox on one machine; ${kbEntries} FAQ entries (zh-CN and en); ${samples} messages, one at a time, each from a new person, after ${warmUp} warm-up messages`,
      messageToGraphCallMs: { samples: toGraph.length, p50: round(percentile(toGraph, 50)), p95: round(percentile(toGraph, 95)), max: round(toGraph.at(-1) ?? NaN) },
      botStepMs: { samples: botStep.length, p50: round(percentile(botStep, 50)), p95: round(percentile(botStep, 95)), max: round(botStep.at(-1) ?? NaN), goalP95: 200 },
      unanswered,
    };
  } finally {
    await app.stop();
    await database.drop();
    await sandbox.close();
  }
}
