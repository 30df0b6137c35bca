import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botKbState, faqEntries, faqSynonyms } from "@/db/schema";
import type { BotLanguage, MatchResult } from "@/lib/services/bot";
import { KbIndex, type KbEntry } from "./kb-index";
import { detectLanguage } from "./text";
import { DEFAULT_THRESHOLDS, type MatchThresholds } from "./thresholds";

/**
 * Organisations whose index stays in memory. An index of 5,000 entries takes a few megabytes and about a
 * second to build, so the busiest organisations keep theirs and a quiet one rebuilds on its next question.
 */
const MAX_CACHED_ORGS = 50;

interface Cached {
  revision: number;
  index: Promise<KbIndex>;
}
// A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
const cache = new Map<string, Cached>();

async function currentRevision(orgId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ revision: botKbState.kbRevision }).from(botKbState).where(eq(botKbState.orgId, orgId));
  return row?.revision ?? 0;
}

async function buildIndex(orgId: string): Promise<KbIndex> {
  const db = await getDb();
  const [rows, synonymRows] = await Promise.all([
    db
      .select({
        id: faqEntries.id,
        question: faqEntries.question,
        alternatives: faqEntries.alternatives,
        answer: faqEntries.answer,
        language: faqEntries.language,
        skillGroupIds: faqEntries.skillGroupIds,
        channelIds: faqEntries.channelIds,
      })
      .from(faqEntries)
      .where(and(eq(faqEntries.orgId, orgId), eq(faqEntries.enabled, true))),
    db.select({ terms: faqSynonyms.terms }).from(faqSynonyms).where(eq(faqSynonyms.orgId, orgId)),
  ]);
  return new KbIndex(rows as KbEntry[], synonymRows.map((r) => r.terms));
}

/**
 * An organisation's index at its current kbRevision: one small read per question, a rebuild only when an FAQ
 * or synonym write moved the revision (on any instance of the app: the revision is in the database).
 */
async function indexFor(orgId: string): Promise<KbIndex> {
  const revision = await currentRevision(orgId);
  const cached = cache.get(orgId);
  if (cached && cached.revision === revision) {
    cache.delete(orgId);
    cache.set(orgId, cached);
    return cached.index;
  }
  // Concurrent questions at a new revision share one build; a failed build is not kept.
  const index = buildIndex(orgId);
  const entry = { revision, index };
  cache.delete(orgId);
  cache.set(orgId, entry);
  index.catch(() => {
    if (cache.get(orgId) === entry) cache.delete(orgId);
  });
  while (cache.size > MAX_CACHED_ORGS) cache.delete(cache.keys().next().value!);
  return index;
}

/** Forgets every cached index (tests that rewrite the database underneath). */
export function clearMatcherCache(): void {
  cache.clear();
}

/** The verdict for a ranked list: answer, suggest or unknown by the thresholds. Shared with the evaluation. */
export function decide(ranked: MatchResult["suggestions"], language: BotLanguage, thresholds: MatchThresholds): MatchResult {
  const best = ranked[0] ?? null;
  if (best && best.score >= thresholds.answer) return { decision: "answer", best, suggestions: ranked.slice(1, 4).filter((m) => m.score >= thresholds.suggest), language };
  const suggestions = ranked.filter((m) => m.score >= thresholds.suggest).slice(0, 3);
  if (suggestions.length > 0) return { decision: "suggest", best, suggestions, language };
  return { decision: "unknown", best, suggestions: [], language };
}

/**
 * The knowledge base's answer to one question of a conversation: the enabled entries that apply to its skill
 * group or channel, ranked (see kb-index.ts), and the decision by the thresholds (a bot configuration's, or
 * the evaluated defaults). Called by the bot, not by a person: no permission, the organisation is the
 * conversation's. `best` is set whatever the decision (analytics keep the closest entry of a miss).
 */
export async function matchFaq({
  orgId,
  channelId,
  skillGroupId,
  text,
  thresholds,
}: {
  orgId: string;
  channelId: string | null;
  skillGroupId: string | null;
  text: string;
  /** A bot configuration's thresholds; null or absent ones are the evaluated defaults (thresholds.ts). */
  thresholds?: { answer?: number | null; suggest?: number | null } | null;
}): Promise<MatchResult> {
  const language = detectLanguage(text);
  const index = await indexFor(orgId);
  const ranked = index.rank(text, { skillGroupId, channelId }, 4);
  return decide(ranked, language, {
    answer: thresholds?.answer ?? DEFAULT_THRESHOLDS.answer,
    suggest: thresholds?.suggest ?? DEFAULT_THRESHOLDS.suggest,
  });
}
