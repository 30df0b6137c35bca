/** The bot's zod-free values, safe for the browser (the settings form). */
export const BOT_MODES = ["off", "bot_first", "human_first", "bot_only"] as const;
export type BotMode = (typeof BOT_MODES)[number];
export const BOT_ENGINES = ["builtin", "external"] as const;
export const BOT_KEYWORDS_MAX = 30;
export const BOT_TEXT_MAX = 640;

export type BotTextKey = "disclosure" | "helpfulPrompt" | "helpfulYes" | "helpfulNo" | "suggestPrompt" | "dontKnow" | "talkToHuman" | "handoverAck" | "outsideHours" | "messageTaken";
export const BOT_TEXT_KEYS: readonly BotTextKey[] = ["disclosure", "helpfulPrompt", "helpfulYes", "helpfulNo", "suggestPrompt", "dontKnow", "talkToHuman", "handoverAck", "outsideHours", "messageTaken"];
