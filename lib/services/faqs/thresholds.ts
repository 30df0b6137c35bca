/**
 * The matcher's default thresholds (scores between 0 and 1, see kb-index.ts), chosen by the evaluation
 * (lib/services/faqs/evaluation, `npm run bench bot`) rather than guessed. A bot configuration's own
 * thresholds win when set. At or above `answer` the best entry is answered; at or above `suggest` up to three
 * entries are offered as suggestions; below, the bot says it does not know.
 */
export const DEFAULT_THRESHOLDS = { answer: 0.5, suggest: 0.25 } as const;

export interface MatchThresholds {
  answer: number;
  suggest: number;
}
