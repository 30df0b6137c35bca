/** Conversations' browser-safe values (no zod): the note composer and the thread use them. */
export * from "./mentions";
