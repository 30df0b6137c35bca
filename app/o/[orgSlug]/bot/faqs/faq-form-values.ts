import { FAQ_BUTTONS_MAX, type FAQ_ANSWER_KINDS } from "@/lib/services/faqs/constants";
import type { Faq } from "@/lib/services/faqs/schemas";

// What the FAQ form holds, apart from its component: the pages (server) build the first values, the form (client) edits them.
type Kind = (typeof FAQ_ANSWER_KINDS)[number];
type ButtonRow = { type: "postback" | "web_url"; title: string; value: string };
export type FaqFormValues = {
  question: string;
  alternatives: string;
  language: "zh-CN" | "en";
  category: string;
  enabled: boolean;
  kind: Kind;
  text: string;
  imageUrl: string;
  buttons: ButtonRow[];
  skillGroupIds: string[];
  channelIds: string[];
};

const emptyButtons = (): ButtonRow[] => Array.from({ length: FAQ_BUTTONS_MAX }, () => ({ type: "postback" as const, title: "", value: "" }));

/** The form's fields from an entry (editing) or a first question (`?question=` from the analytics). */
export function faqFormValues(faq: Faq | null, question = "", language?: "zh-CN" | "en"): FaqFormValues {
  const buttons = emptyButtons();
  if (faq?.answer.kind === "buttons") faq.answer.buttons.forEach((b, i) => (buttons[i] = { type: b.type, title: b.title, value: b.type === "web_url" ? b.url : b.payload }));
  if (faq?.answer.kind === "quick_replies") faq.answer.quickReplies.forEach((q, i) => (buttons[i] = { type: "postback", title: q.title, value: q.payload }));
  return {
    question: faq?.question ?? question,
    alternatives: faq?.alternatives.join("\n") ?? "",
    language: faq?.language ?? language ?? "zh-CN",
    category: faq?.category ?? "",
    enabled: faq?.enabled ?? true,
    kind: faq?.answer.kind ?? "text",
    text: faq ? (faq.answer.kind === "image" ? (faq.answer.text ?? "") : faq.answer.text) : "",
    imageUrl: faq?.answer.kind === "image" ? faq.answer.imageUrl : "",
    buttons,
    skillGroupIds: faq?.skillGroupIds ?? [],
    channelIds: faq?.channelIds ?? [],
  };
}

