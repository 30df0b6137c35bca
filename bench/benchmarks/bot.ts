/**
 * The FAQ bot (issue 15). Figures:
 *  - The matcher's evaluation on its held-out set (lib/services/faqs/evaluation): top-1 accuracy per language,
 *    out-of-scope confident-answer rate, the thresholds it picks and those in thresholds.ts.
 *  - The matcher over a 5,000-entry knowledge base: index build time; time per question in memory (the
 *    ranking alone) and through matchFaq with the database (the revision read per question included), p50
 *    and p95; and the evaluation's top-1 accuracy with the 4,956 other entries around its 44.
 *  - The bot's latency through the real app (bench/lib/bot-latency.ts): from a person's message (the webhook's
 *    200) to the bot's Send API call, p50 and p95, and the bot's own part of it (message stored -> Graph call).
 */
import { setDatabase } from "@/db/client";
import {
  clearMatcherCache,
  DEFAULT_THRESHOLDS,
  EVALUATION_ENTRIES,
  EVALUATION_SYNONYMS,
  evaluateMatcher,
  importFaqs,
  KbIndex,
  matchFaq,
  OUT_OF_SCOPE,
  saveFaqSynonyms,
} from "@/lib/services/faqs";
import { createOrgFixture } from "@/tests/fixtures";
import { benchDatabase } from "../lib/database";
import { faqKnowledgeBase } from "../lib/faq-kb";
import { measureBotLatency } from "../lib/bot-latency";
import { percentile } from "../lib/load";

const KB_SIZE = Number(process.env.BENCH_BOT_KB ?? 5000);
const ROUNDS = Number(process.env.BENCH_BOT_ROUNDS ?? 5);

const pct = (x: number) => Math.round(x * 1000) / 10;
const ms = (x: number) => Math.round(x * 1000) / 1000;

function evaluation() {
  const report = evaluateMatcher();
  const atDefaults = evaluateMatcher({ thresholds: DEFAULT_THRESHOLDS });
  const perLanguage = Object.fromEntries(
    Object.entries(atDefaults.languages).map(([language, r]) => [
      language,
      {
        paraphrases: r.paraphrases,
        top1Percent: pct(r.top1),
        top3Percent: pct(r.top3),
        answeredRightPercent: pct(r.answeredRight),
        answeredWrongPercent: pct(r.answeredWrong),
        suggestedRightPercent: pct(r.suggestedRight),
        outOfScope: r.outOfScope,
        outOfScopeConfidentPercent: pct(r.outOfScopeConfident),
      },
    ]),
  );
  return {
    thresholdsPicked: report.thresholds,
    thresholdsInUse: DEFAULT_THRESHOLDS,
    top1Percent: pct(atDefaults.top1),
    outOfScopeConfidentPercent: pct(atDefaults.outOfScopeConfident),
    goals: { top1Percent: 85, outOfScopeConfidentPercent: 10 },
    languages: perLanguage,
  };
}

const questions = [...EVALUATION_ENTRIES.flatMap((e) => e.paraphrases.map((text) => ({ text, expected: e.question }))), ...OUT_OF_SCOPE.map((q) => ({ text: q.text, expected: null }))];

function inMemory() {
  const kb = faqKnowledgeBase(KB_SIZE).map((e, i) => ({ id: String(i), question: e.question, alternatives: e.alternatives ?? [], answer: e.answer, language: e.language, skillGroupIds: [], channelIds: [] }));
  const started = performance.now();
  const index = new KbIndex(kb, EVALUATION_SYNONYMS);
  const buildMs = performance.now() - started;
  const scope = { skillGroupId: null, channelId: null };
  for (const q of questions) index.rank(q.text, scope, 4); // warm-up
  const times: number[] = [];
  let right = 0;
  let inScope = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions) {
      const t0 = performance.now();
      const ranked = index.rank(q.text, scope, 4);
      times.push(performance.now() - t0);
      if (round === 0 && q.expected !== null) {
        inScope++;
        if (ranked[0]?.question === q.expected) right++;
      }
    }
  }
  times.sort((a, b) => a - b);
  return { entries: KB_SIZE, buildMs: Math.round(buildMs), questions: times.length, p50Ms: ms(percentile(times, 50)), p95Ms: ms(percentile(times, 95)), top1PercentAmong5000: pct(right / inScope) };
}

async function throughDatabase() {
  const database = await benchDatabase("bot");
  setDatabase(database.handle);
  try {
    const f = await createOrgFixture("Bench bot");
    const kb = faqKnowledgeBase(KB_SIZE);
    const importStarted = performance.now();
    await importFaqs({ ctx: f.as.owner, input: { format: "json", content: JSON.stringify(kb) } });
    const importMs = performance.now() - importStarted;
    await saveFaqSynonyms({ ctx: f.as.owner, input: { groups: EVALUATION_SYNONYMS } });
    clearMatcherCache();
    const ask = (text: string) => matchFaq({ orgId: f.org.id, channelId: null, skillGroupId: null, text });
    const coldStarted = performance.now();
    await ask("包邮吗");
    const firstQuestionMs = performance.now() - coldStarted;
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of questions) {
        const t0 = performance.now();
        await ask(q.text);
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    return { importMs: Math.round(importMs), firstQuestionMs: Math.round(firstQuestionMs), questions: times.length, p50Ms: ms(percentile(times, 50)), p95Ms: ms(percentile(times, 95)) };
  } finally {
    setDatabase(undefined);
    await database.drop();
  }
}

export default async function botBenchmark(): Promise<Record<string, unknown>> {
  return { evaluation: evaluation(), matcherInMemory: inMemory(), matcherWithDatabase: await throughDatabase(), botLatency: await measureBotLatency({ kbEntries: KB_SIZE }) };
}
