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
    this.synonyms = new Synonyms(synonymGroups);
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

  private idf(term: string): number {
    const n = this.phrasings.length;
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
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

    const best = new Map<number, { score: number; bm25: number }>();
    for (const hit of hits.slice(0, CANDIDATES * 3)) {
      const phrasing = this.phrasings[hit.id as number]!;
      // An entry in the other language shares only names and synonyms: it may help, but one in the
      // person's language that matches as well is the answer they can read.
      const entry = this.entries[phrasing.entry]!;
      const score = this.similarity(weights, queryWeight, phrasing.terms) * (entry.language === language ? 1 : CROSS_LANGUAGE);
      const seen = best.get(phrasing.entry);
      if (!seen || score > seen.score) best.set(phrasing.entry, { score, bm25: Math.max(hit.score, seen?.bm25 ?? 0) });
      if (best.size >= CANDIDATES && !seen) break;
    }
    return [...best.entries()]
      .sort((a, b) => b[1].score - a[1].score || b[1].bm25 - a[1].bm25)
      .slice(0, limit)
      .map(([index, { score }]) => {
        const entry = this.entries[index]!;
        return { faqId: entry.id, question: entry.question, language: entry.language, answer: entry.answer, score: Math.round(score * 1000) / 1000 };
      });
  }

  /** Weighted Dice: twice the IDF weight both share over the weight of each side. */
  private similarity(weights: Map<string, number>, queryWeight: number, phrasingTerms: string[]): number {
    let shared = 0;
    let phrasingWeight = 0;
    for (const t of phrasingTerms) {
      const w = weights.get(t) ?? this.idf(t);
      phrasingWeight += w;
      if (weights.has(t)) shared += w;
    }
    return (2 * shared) / (queryWeight + phrasingWeight);
  }
}
