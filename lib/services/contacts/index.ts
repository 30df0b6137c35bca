/** Contacts as the agent desk shows and edits them: the contact panel beside a conversation, and its attributes. */
export * from "./schemas";
export { getContactPanel } from "./get-contact-panel";
export { updateContactAttributes } from "./update-contact-attributes";
