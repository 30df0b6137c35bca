/**
 * Recurring topics (recurring notifications, legacy regions): a Page's topics, their registration by the Page
 * admin's own opt-in, their m.me/rn link and QR code, and opt-in requests to people within Meta's rules. The
 * opt-ins themselves land in the permissions ledger (lib/services/permissions), linked to their topic there.
 * The domain's import path for everything outside it (the browser imports ./constants only).
 */
export * from "./schemas";
export { createTopic } from "./create-topic";
export { deleteTopic } from "./delete-topic";
export { getTopic } from "./get-topic";
export { getTopicShare } from "./get-topic-share";
export { listContactTopics } from "./list-contact-topics";
export { listRegistrationContacts } from "./list-registration-contacts";
export { listTopics } from "./list-topics";
export { getTopicInOrg } from "./queries";
export { registerTopic } from "./register-topic";
export { renderTopicQr } from "./render-topic-qr";
export { requestTopicOptin } from "./request-topic-optin";
export { updateTopic } from "./update-topic";
