/**
 * One organisation's knowledge base as the matcher searches it, built in memory from its enabled entries.
 * Pure (no database): the matcher caches one per organisation; the evaluation and the bench build their own.
 *
 * Two steps per question. BM25 (minisearch) over every phrasing (the question and its alternatives, each its
 * own document) picks the candidates and orders ties. Then each candidate gets a score between 0 and 1 that
 * can be compared with a threshold, which a BM25 figure cannot (it grows with the question's length and the
 * size of the knowledge base): the IDF-weighted overlap of the question's terms and the closest phrasing's
 * (a weighted Dice coefficient). A rare word both share counts much, a common one little; a word only one
 * side has lowers it, so "where is the toilet" does not reach "where is my package" on "where".
 */
import MiniSearch from "minisearch";
import type { FaqAnswer } from "@/db/schema/bot";
import type { BotLanguage, FaqMatch } from "@/lib/services/bot";
import { BUILTIN_SYNONYMS } from "./builtin-synonyms";
import { detectLanguage, Synonyms, terms } from "./text";

export interface KbEntry {
  id: string;
  question: string;
  alternatives: string[];
  answer: FaqAnswer;
  language: BotLanguage;
  skillGroupIds: string[];
  channelIds: string[];
}

export interface MatchScope {
  skillGroupId: string | null;
  channelId: string | null;
}

interface Phrasing {
  id: number;
  entry: number;
  terms: string[];
}

/** How many BM25 candidates get the comparable score; enough that the right entry is among them. */
const CANDIDATES = 30;
/** The share of an entry's second-best phrasing in its score. */
const SECOND_PHRASING = 0.2;
/** The question's share of the similarity's denominator (0.5 is Dice's). */
const QUERY_SIDE = 0.3;
const HAN_CHARACTER = /\p{Script=Han}/u;
const SINGLE_CHARACTER_WEIGHT = 0.4;
/** The factor on an entry's score when it is not in the question's language. */
const CROSS_LANGUAGE = 0.8;

export class KbIndex {
  readonly size: number;
  private readonly synonyms: Synonyms;
  private readonly entries: KbEntry[];
  private readonly phrasings: Phrasing[] = [];
  private readonly documentFrequency = new Map<string, number>();
  private readonly search: MiniSearch<{ id: number; terms: string[] }>;

  constructor(entries: KbEntry[], synonymGroups: string[][]) {
    this.entries = entries;
    this.size = entries.length;
    this.synonyms = new Synonyms([...synonymGroups, ...BUILTIN_SYNONYMS]);
    entries.forEach((entry, index) => {
      for (const text of [entry.question, ...entry.alternatives]) {
        const phrasingTerms = terms(text, this.synonyms);
        if (phrasingTerms.length === 0) continue;
        this.phrasings.push({ id: this.phrasings.length, entry: index, terms: phrasingTerms });
        for (const t of phrasingTerms) this.documentFrequency.set(t, (this.documentFrequency.get(t) ?? 0) + 1);
      }
    });
    // The terms are already cut and normalised by text.ts: minisearch only counts and ranks them.
    this.search = new MiniSearch({
      fields: ["terms"],
      extractField: (doc, field) => (field === "terms" ? doc.terms.join(" ") : (doc as unknown as Record<string, unknown>)[field]) as string,
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => text.split(" "), processTerm: (term) => term, combineWith: "OR" },
    });
    this.search.addAll(this.phrasings.map((p) => ({ id: p.id, terms: p.terms })));
  }

  /**
   * A term's weight: its IDF, less for a single Chinese character (it finds colloquial phrasings, but one
   * shared character is weaker evidence than a shared word).
   */
  private idf(term: string): number {
    const n = this.phrasings.length;
    const df = this.documentFrequency.get(term) ?? 0;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    return term.length === 1 && HAN_CHARACTER.test(term) ? idf * SINGLE_CHARACTER_WEIGHT : idf;
  }

  /** The question's terms as the index reads them (synonyms applied). */
  termsOf(text: string): string[] {
    return terms(text, this.synonyms);
  }

  /** The entries that apply to the scope, best first, each with its comparable score (0..1); at most `limit`. */
  rank(text: string, scope: MatchScope, limit = 3): FaqMatch[] {
    const query = this.termsOf(text);
    if (query.length === 0) return [];
    const language = detectLanguage(text);
    const weights = new Map(query.map((t) => [t, this.idf(t)]));
    const queryWeight = [...weights.values()].reduce((a, b) => a + b, 0);
    const applies = (entry: KbEntry) =>
      (entry.skillGroupIds.length === 0 && entry.channelIds.length === 0) ||
      (scope.skillGroupId !== null && entry.skillGroupIds.includes(scope.skillGroupId)) ||
      (scope.channelId !== null && entry.channelIds.includes(scope.channelId));
    const hits = this.search.search(query.join(" "), { filter: (hit) => applies(this.entries[this.phrasings[hit.id as number]!.entry]!) });

    const best = new Map<number, { score: number; bm25: number; second: number }>();
    for (const hit of hits.slice(0, CANDIDATES * 3)) {
      const phrasing = this.phrasings[hit.id as number]!;
      // An entry in the other language shares only names and synonyms: it may help, but one in the
      // person's language that matches as well is the answer they can read.
      const entry = this.entries[phrasing.entry]!;
      const score = this.similarity(weights, queryWeight, phrasing.terms) * (entry.language === language ? 1 : CROSS_LANGUAGE);
      const seen = best.get(phrasing.entry);
      if (!seen) best.set(phrasing.entry, { score, bm25: hit.score, second: 0 });
      else if (score > seen.score) best.set(phrasing.entry, { score, bm25: Math.max(hit.score, seen.bm25), second: seen.score });
      else seen.second = Math.max(seen.second, score);
      if (best.size >= CANDIDATES && !seen) break;
    }
    // An entry whose other phrasings match too is a surer match than one phrasing that happens to.
    const entryScore = (v: { score: number; second: number }) => Math.min(1, v.score + SECOND_PHRASING * v.second);
    return [...best.entries()]
      .map(([index, v]) => [index, { score: entryScore(v), bm25: v.bm25 }] as const)
      .sort((a, b) => b[1].score - a[1].score || b[1].bm25 - a[1].bm25)
      .slice(0, limit)
      .map(([index, { score }]) => {
        const entry = this.entries[index]!;
        return { faqId: entry.id, question: entry.question, language: entry.language, answer: entry.answer, score: Math.round(score * 1000) / 1000 };
      });
  }

  /**
   * A weighted Dice coefficient: the IDF weight both share over a mix of each side's. The phrasing's side
   * counts more: people add words of their own ("hi, my parcel hasn't arrived, where is it"), while an
   * entry's phrasing that the question leaves half unsaid is a weaker match. The mix came from the evaluation.
   */
  private similarity(weights: Map<string, number>, queryWeight: number, phrasingTerms: string[]): number {
    let shared = 0;
    let phrasingWeight = 0;
    for (const t of phrasingTerms) {
      const w = weights.get(t) ?? this.idf(t);
      phrasingWeight += w;
      if (weights.has(t)) shared += w;
    }
    return shared / (QUERY_SIDE * queryWeight + (1 - QUERY_SIDE) * phrasingWeight);
  }
}
