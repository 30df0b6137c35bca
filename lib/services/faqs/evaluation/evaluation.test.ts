import { describe, expect, it } from "vitest";
import { normalise } from "../text";
import { DEFAULT_THRESHOLDS } from "../thresholds";
import { EVALUATION_ENTRIES, OUT_OF_SCOPE } from "./dataset";
import { EVALUATION_GOALS, evaluateMatcher } from "./evaluate";

const bare = (text: string) => normalise(text).replace(/[^\p{L}\p{N}]+/gu, "");

describe("the matcher's evaluation", () => {
  it("is held out: at least 20 entries per language, three paraphrases each, none of them in the knowledge base", () => {
    for (const language of ["zh-CN", "en"] as const) {
      expect(EVALUATION_ENTRIES.filter((e) => e.language === language).length).toBeGreaterThanOrEqual(20);
      expect(OUT_OF_SCOPE.filter((q) => q.language === language).length).toBeGreaterThanOrEqual(20);
    }
    const inKb = new Set(EVALUATION_ENTRIES.flatMap((e) => [e.question, ...e.alternatives].map(bare)));
    for (const entry of EVALUATION_ENTRIES) {
      expect(new Set(entry.paraphrases.map(bare)).size).toBe(3);
      for (const paraphrase of entry.paraphrases) expect(inKb.has(bare(paraphrase)), paraphrase).toBe(false);
    }
    for (const q of OUT_OF_SCOPE) expect(inKb.has(bare(q.text)), q.text).toBe(false);
  });

  it("meets the goals in both languages at the default thresholds", () => {
    const report = evaluateMatcher({ thresholds: DEFAULT_THRESHOLDS });
    for (const language of ["zh-CN", "en"] as const) {
      expect(report.languages[language].top1, `top-1 ${language}`).toBeGreaterThanOrEqual(EVALUATION_GOALS.top1);
      expect(report.languages[language].outOfScopeConfident, `out of scope ${language}`).toBeLessThanOrEqual(EVALUATION_GOALS.outOfScopeConfident);
    }
    expect(report.outOfScopeConfident).toBeLessThanOrEqual(EVALUATION_GOALS.outOfScopeConfident);
  });

  it("picks the thresholds that thresholds.ts holds", () => {
    expect(evaluateMatcher().thresholds).toEqual(DEFAULT_THRESHOLDS);
  });
});
