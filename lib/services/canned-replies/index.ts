/**
 * Canned replies: saved answers agents insert with "/" (the organisation's, or a skill group's).
 * The domain's import path for everything outside it (the browser imports ./constants only).
 */
export * from "./schemas";
export { createCannedReply } from "./create-canned-reply";
export { deleteCannedReply } from "./delete-canned-reply";
export { listCannedReplies } from "./list-canned-replies";
export { searchCannedReplies } from "./search-canned-replies";
export { updateCannedReply } from "./update-canned-reply";
