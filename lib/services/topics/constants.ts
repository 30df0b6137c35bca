/**
 * Recurring topics' vocabulary and limits, zod-free so browser components (the topic form, the outcome counts)
 * can import them; the schemas in ./schemas are built from these lists.
 */

/** Meta's title limit for a notification_messages request (and so for a topic). */
export const TOPIC_TITLE_MAX = 65;
export const TOPIC_IMAGE_URL_MAX = 2000;
export const TOPIC_CADENCES = ["daily", "weekly", "monthly"] as const;
export type TopicCadence = (typeof TOPIC_CADENCES)[number];
export const TOPIC_REGISTRATIONS = ["unregistered", "pending", "registered"] as const;
export type TopicRegistration = (typeof TOPIC_REGISTRATIONS)[number];

/** Meta allows one opt-in request with the same title per person per week (9/2018352). */
export const TOPIC_REQUEST_COOLDOWN_DAYS = 7;
/** Opt-in requests are messages: only inside the 24-hour window after the person's last action. */
export const MESSAGING_WINDOW_HOURS = 24;
/** At most this many people named in one request (a segment or everyone in the window has no such limit). */
export const TOPIC_REQUEST_MAX_CONTACTS = 1000;

/**
 * What happened to each person an opt-in request was meant for; every person lands in exactly one.
 * unavailable: Meta refused recurring notifications for the Page's region; failed: any other refusal (the
 * channel's token included, which also flags the channel for reconnection).
 */
export const TOPIC_REQUEST_OUTCOMES = ["sent", "outside_window", "asked_recently", "already_subscribed", "unavailable", "failed"] as const;
export type TopicRequestOutcome = (typeof TOPIC_REQUEST_OUTCOMES)[number];

/** One of a Page's people the registration request may go to (the admin's own Messenger account is among them). */
export interface RegistrationContact {
  id: string;
  name: string;
  /** Wrote to the Page within 24 hours: the registration request can reach them now. */
  windowOpen: boolean;
}
