/** Bot analytics: what the FAQ bot answered, how people voted, why it handed over, what it could not answer. */
export * from "./schemas";
export { getBotAnalytics } from "./get-bot-analytics";
export { normalizeQuestion } from "./normalize-question";
