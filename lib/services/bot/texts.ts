import type { BotTexts } from "@/db/schema/bot";
import type { BotTextKey } from "./constants";
import type { BotLanguage } from "./contract";

export { BOT_TEXT_KEYS, type BotTextKey } from "./constants";

/**
 * What the bot says to the person when the organisation wrote nothing of its own. These go to Messenger users,
 * not to the dashboard, so they live here rather than in the dashboard's catalog; button titles stay within
 * Meta's 20 characters for quick replies.
 */
export const DEFAULT_BOT_TEXTS: Record<BotLanguage, Record<BotTextKey, string>> = {
  "zh-CN": {
    disclosure: "您好，我是自动客服机器人（不是真人）。随时回复“转人工”即可联系人工客服。",
    helpfulPrompt: "这个回答有帮助吗？",
    helpfulYes: "有帮助",
    helpfulNo: "没帮助",
    suggestPrompt: "您是想问这些问题吗？",
    dontKnow: "抱歉，这个问题我还不会回答。您可以换个说法，或者转人工。",
    talkToHuman: "转人工",
    handoverAck: "好的，正在为您转接人工客服，请稍候。",
    outsideHours: "人工客服现在不在线，{opensAt} 回来。请直接留言，我们会尽快回复您。",
    messageTaken: "已收到您的留言，人工客服上线后会回复您。",
  },
  en: {
    disclosure: "Hi! I'm an automated assistant, not a person. Reply “talk to a human” at any time to reach our team.",
    helpfulPrompt: "Was this helpful?",
    helpfulYes: "Yes",
    helpfulNo: "No",
    suggestPrompt: "Did you mean one of these?",
    dontKnow: "Sorry, I can't answer that yet. Try asking another way, or talk to a human.",
    talkToHuman: "Talk to a human",
    handoverAck: "OK, I'm passing you to a member of our team. Please wait a moment.",
    outsideHours: "Our team is away right now and back {opensAt}. Leave a message and we'll reply as soon as we can.",
    messageTaken: "Thanks, we have your message. Our team will reply when they are back.",
  },
};

/** The organisation's text for `key` in `language`, else the default; `{name}` placeholders filled from `vars`. */
export function botText(texts: BotTexts, language: BotLanguage, key: BotTextKey, vars: Record<string, string> = {}): string {
  const own = texts[language]?.[key]?.trim();
  const template = own || DEFAULT_BOT_TEXTS[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
