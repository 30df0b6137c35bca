/**
 * Member notifications: a conversation assigned or transferred to the member, an @mention in a note. Written
 * by the verbs that cause them (notifyMembers, inside their transaction); read and marked read only by the
 * member they are for.
 */
export * from "./schemas";
export { countMyUnreadNotifications } from "./count-my-unread-notifications";
export { listMyNotifications } from "./list-my-notifications";
export { markNotificationsRead } from "./mark-notifications-read";
export { excerptOf, notifyMembers, type NotificationInput } from "./notify-members";
