/**
 * The matcher's default thresholds (scores between 0 and 1, see kb-index.ts), chosen by the evaluation
 * (lib/services/faqs/evaluation, `npm run bench bot`) rather than guessed. A bot configuration's own
 * thresholds win when set. At or above `answer` the best entry is answered; at or above `suggest` up to three
 * entries are offered as suggestions; below, the bot says it does not know.
 *
 * On the held-out set (evaluation/dataset.ts, 2 x 22 entries, 132 paraphrases, 40 out-of-scope questions):
 * top-1 86.4 % in Chinese and 87.9 % in English; at these thresholds 2.5 % confident answers to out-of-scope
 * questions (0 % in Chinese, 5 % in English), 3 % / 9 % of paraphrases answered with a wrong entry, and most
 * of the rest offered the right entry among the suggestions. evaluation.test.ts fails when the evaluation
 * would pick other values.
 */
export const DEFAULT_THRESHOLDS = { answer: 0.5, suggest: 0.27 } as const;

export interface MatchThresholds {
  answer: number;
  suggest: number;
}
