import type { CsatTexts } from "@/db/schema/csat";

/** Zod-free values the browser may import too (the channel page's CSAT section). */
export const CSAT_LANGUAGES = ["en", "zh-CN"] as const;
export type CsatLanguage = (typeof CSAT_LANGUAGES)[number];
export const CSAT_TEXT_KEYS = ["question", "commentPrompt", "thanks"] as const satisfies readonly (keyof CsatTexts)[];
export type CsatTextKey = (typeof CSAT_TEXT_KEYS)[number];
/** Meta allows 2,000 characters in a text message; a survey line needs far fewer. */
export const CSAT_TEXT_MAX = 640;

/** Quick reply payloads: a rating 1..5 ("CSAT_RATING_4") and the comment prompt's "No thanks". */
export const CSAT_RATING_PAYLOAD_PREFIX = "CSAT_RATING_";
export const CSAT_NO_THANKS_PAYLOAD = "CSAT_NO_THANKS";
/** A rating is taken while the 24-hour window of the question lasts; a comment within 10 minutes of the rating. */
export const CSAT_RATING_WINDOW_MS = 24 * 3_600_000;
export const CSAT_COMMENT_WINDOW_MS = 10 * 60_000;

/**
 * What the Page says when the organisation wrote nothing of its own. These go to Messenger users, not the
 * dashboard, so they live here rather than in the dashboard's catalog ("No thanks" fits Meta's 20 characters).
 */
export const DEFAULT_CSAT_TEXTS: Record<CsatLanguage, CsatTexts & { noThanks: string }> = {
  en: {
    question: "How satisfied are you with the help you got? Tap 1 (not at all) to 5 (very).",
    commentPrompt: "Thank you! Is there anything you would like to tell us? Write it here, or tap “No thanks”.",
    thanks: "Thank you for your feedback!",
    noThanks: "No thanks",
  },
  "zh-CN": {
    question: "您对本次服务满意吗？请点选 1（很不满意）到 5（非常满意）。",
    commentPrompt: "谢谢！还有什么想告诉我们的吗？直接写下来，或点“不用了”。",
    thanks: "感谢您的反馈！",
    noThanks: "不用了",
  },
};
