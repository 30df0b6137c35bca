/** Client-safe limits of the Page's Messenger profile (Meta's). */
export const GREETING_MAX = 160;
export const MENU_TITLE_MAX = 30;
export const MENU_ITEMS_MAX = 20;
export const PAYLOAD_MAX = 1000;
/** The Get Started payload the desk sets by default; the bot treats it as the start of a conversation. */
export const DEFAULT_GET_STARTED_PAYLOAD = "GET_STARTED";
/** Locales offered in the form: Meta's default plus the two the product speaks (Meta's locale codes). */
export const PROFILE_LOCALES = ["default", "zh_CN", "zh_TW", "zh_HK", "en_US", "en_GB"] as const;
