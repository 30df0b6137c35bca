/** The Page's Messenger profile (Get Started, greeting, persistent menu with "talk to a human"), per channel. */
export * from "./schemas";
export { getMessengerProfile, saveMessengerProfile } from "./messenger-profile";
