/**
 * Labels: the organisation's tags for conversations (managed in settings, applied by agents).
 * The domain's import path for everything outside it (the browser imports ./constants only).
 */
export * from "./schemas";
export { createLabel } from "./create-label";
export { deleteLabel } from "./delete-label";
export { listLabels } from "./list-labels";
export { setConversationLabels } from "./set-conversation-labels";
export { updateLabel } from "./update-label";
