/**
 * How the matcher reads a question, in Chinese or English: one list of terms per text, the same for the
 * knowledge base's phrasings and for the person's message, so both sides meet on the same words.
 * Pure functions (no database): the matcher, its evaluation and the bench share them.
 */
import type { BotLanguage } from "@/lib/services/bot";

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]+/gi;

/**
 * The language of a question by its script: Chinese as soon as its Han characters outnumber its Latin words
 * ("iPhone 包邮吗" is Chinese, "is 包邮 free shipping?" is English). No letters at all: English.
 */
export function detectLanguage(text: string): BotLanguage {
  const han = text.match(HAN_ALL)?.length ?? 0;
  if (han === 0) return "en";
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  return han >= latinWords ? "zh-CN" : "en";
}

// Words that say nothing about which question is asked: politeness, pronouns, particles. Left in, they make
// "where is the toilet" look like "where is my package" and let any short question reach a long entry.
const EN_STOP = new Set(
  (
    "a an the is are am was were be been being do does did doing have has had i me my mine we us our you your yours he she it its they them their " +
    "this that these those there here to of in on at for from by with about as into than then so and or but if yes can could would should will shall may might must " +
    "please pls plz hi hello hey thanks thank ok okay just also any some what which who whom whose how when where why get got want wanna need know tell " +
    "im ive id dont doesnt cant wont isnt arent u ur"
  ).split(" "),
);
const ZH_STOP = new Set(
  "的 了 吗 呢 吧 啊 呀 哦 嘛 么 是 我 我们 我的 你 你们 您 他 她 它 这 那 这个 那个 请问 请 一下 在 有 和 跟 就 都 也 还 要 想 能 可以 会 怎么 怎样 如何 什么 为什么 什么时候 时候 哪里 哪儿 哪 哪些 东西 谢谢 你好 您好 麻烦 问 问下 问一下 吗？ 怎么办 么？ 得 地 着 过 个 呃 嗯".split(
    " ",
  ),
);
/** Single characters that carry no meaning of their own in a bigram ("货吗" tells nothing "货" does not). */
const ZH_PARTICLES = new Set("的了吗呢吧啊呀哦嘛么是我你您他她它这那请在有和跟就都也还要想能会怎什哪几来去".split(""));

const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

/**
 * A light English stemmer: plurals, -ing, -ed and -ly, enough for "packages"/"package", "shipping"/"shipped"/
 * "ship" to meet. Words of four letters or fewer are left alone ("bus", "yes").
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith("ed")) w = undouble(w.slice(0, -2));
  else if (w.length > 5 && w.endsWith("ly")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}
function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** Full-width to half-width, lower case, apostrophes unified: what a person types on a phone in either language. */
export function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[’‘`]/g, "'");
}

/** Marks a synonym group in the text; a Latin "word" the segmenter keeps whole and the stemmer never changes. */
const SYNONYM_MARK = /^zsyn(\d+)z$/;

/**
 * An organisation's synonym groups ("包邮", "免运费", "free shipping"), compiled once per index: each term found
 * in a text is replaced by its group's mark, on both sides, so any phrasing meets any other. Longer terms
 * first, so "free shipping" wins over "shipping"; Latin terms only at word boundaries.
 */
export class Synonyms {
  private readonly pattern: RegExp | null;
  private readonly groupOf = new Map<string, number>();
  /** One-word English terms meet after stemming ("delivery", "delivered" and "deliver" are one). */
  private readonly wordGroupOf = new Map<string, number>();

  constructor(groups: string[][]) {
    const terms: string[] = [];
    // Groups that share a term are one group ("尺码" in the organisation's list and in the built-in one).
    const parent = groups.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
    const firstGroupOf = new Map<string, number>();
    const keyOf = (raw: string) => {
      const term = normalise(raw).trim().replace(/\s+/g, " ");
      return /^[a-z0-9']+$/.test(term) ? `w:${stem(term.replace(/'/g, ""))}` : term;
    };
    groups.forEach((group, index) => {
      for (const raw of group) {
        const key = keyOf(raw);
        if (!key) continue;
        const seen = firstGroupOf.get(key);
        if (seen === undefined) firstGroupOf.set(key, index);
        else parent[root(index)] = root(seen);
      }
    });
    for (const [key, index] of firstGroupOf) {
      const group = root(index);
      if (key.startsWith("w:")) {
        this.wordGroupOf.set(key.slice(2), group);
        continue;
      }
      this.groupOf.set(key, group);
      terms.push(key);
    }
    terms.sort((a, b) => b.length - a.length);
    const alternatives = terms.map((t) => {
      const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
      const start = /^[a-z0-9]/.test(t) ? "(?<![a-z0-9])" : "";
      const end = /[a-z0-9]$/.test(t) ? "(?![a-z0-9])" : "";
      return `${start}${escaped}${end}`;
    });
    this.pattern = alternatives.length ? new RegExp(alternatives.join("|"), "gu") : null;
  }

  /** The mark of a stemmed English word's group, or the word. */
  word(stemmed: string): string {
    const group = this.wordGroupOf.get(stemmed);
    return group === undefined ? stemmed : `zsyn${group}z`;
  }

  apply(normalised: string): string {
    if (!this.pattern) return normalised;
    return normalised.replace(this.pattern, (found) => {
      const term = found.replace(/\s+/g, " ");
      return ` zsyn${this.groupOf.get(term)}z `;
    });
  }
}

export const NO_SYNONYMS = new Synonyms([]);

/**
 * The terms of a text: English words stemmed, Chinese words as Intl.Segmenter cuts them plus the character
 * bigrams of each run of Han characters (the segmenter cuts colloquial words such as 包邮 or 退货 into single
 * characters; the bigrams find them again), stop words dropped, each term once.
 */
export function terms(text: string, synonyms: Synonyms = NO_SYNONYMS): string[] {
  const out = new Set<string>();
  const prepared = synonyms.apply(normalise(text));
  // A run of Han characters between stop words and punctuation: its bigrams, or the character if alone.
  let hanRun = "";
  const flushRun = () => {
    // Characters too: colloquial Chinese often shares one character with the entry ("能退吗" and "退货").
    for (const c of hanRun) if (!ZH_PARTICLES.has(c)) out.add(c);
    for (let i = 0; i + 1 < hanRun.length; i++) {
      const a = hanRun[i]!;
      const b = hanRun[i + 1]!;
      if (ZH_PARTICLES.has(a) || ZH_PARTICLES.has(b)) continue;
      out.add(a + b);
    }
    hanRun = "";
  };
  for (const { segment, isWordLike } of segmenter.segment(prepared)) {
    if (!isWordLike) {
      // Spaces between Chinese characters are typing habits, not word breaks; punctuation ends a run.
      if (segment.trim() !== "") flushRun();
      continue;
    }
    if (HAN.test(segment)) {
      if (ZH_STOP.has(segment)) {
        flushRun();
        continue;
      }
      hanRun += [...segment].filter((c) => HAN.test(c)).join("");
      // Words of two characters or more as the segmenter found them; single ones live on in the bigrams.
      if (segment.length > 1) out.add(segment);
      continue;
    }
    flushRun();
    if (SYNONYM_MARK.test(segment)) {
      out.add(segment);
      continue;
    }
    for (const word of segment.split(/[^a-z0-9']+/)) {
      // "what's", "it's": the stop word under the contraction.
      const bare = word.replace(/'(?:s|re|ll|ve|d|m)$/, "").replace(/'/g, "");
      if (!bare || EN_STOP.has(bare) || EN_STOP.has(word)) continue;
      out.add(/^\d+$/.test(bare) ? bare : synonyms.word(stem(bare)));
    }
  }
  flushRun();
  return [...out];
}
