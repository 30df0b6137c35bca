import type { channelCsatSettings, CsatTexts } from "@/db/schema";
import { CSAT_LANGUAGES, DEFAULT_CSAT_TEXTS, type CsatLanguage, type CsatTextKey } from "./constants";

type StoredTexts = (typeof channelCsatSettings.$inferSelect)["texts"];

/** The organisation's words, or the built-in ones where it wrote none. */
export function csatText(texts: StoredTexts | null | undefined, language: CsatLanguage, key: CsatTextKey | "noThanks"): string {
  if (key === "noThanks") return DEFAULT_CSAT_TEXTS[language].noThanks;
  const own = texts?.[language]?.[key]?.trim();
  return own ? own : DEFAULT_CSAT_TEXTS[language][key];
}

/** Every language's texts with empty strings for what was not written (the form's shape). */
export function storedTexts(texts: Partial<Record<CsatLanguage, Partial<CsatTexts>>> | null | undefined): Record<CsatLanguage, CsatTexts> {
  return Object.fromEntries(
    CSAT_LANGUAGES.map((language) => [language, { question: texts?.[language]?.question ?? "", commentPrompt: texts?.[language]?.commentPrompt ?? "", thanks: texts?.[language]?.thanks ?? "" }]),
  ) as Record<CsatLanguage, CsatTexts>;
}

/** The survey's language: the person's Messenger locale ("zh_CN", "en_US"), else the organisation's default. */
export function surveyLanguage(contactLocale: string | null, orgDefaultLocale: string): CsatLanguage {
  const tag = (contactLocale ?? "").toLowerCase();
  if (tag.startsWith("zh")) return "zh-CN";
  if (tag) return "en";
  return orgDefaultLocale === "zh-CN" ? "zh-CN" : "en";
}
