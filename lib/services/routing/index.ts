/**
 * The agent desk's routing: presence, the routing settings of skill groups, the routing engine (route, drain)
 * and the conversation verbs that move work between agents (claim, assign, transfer, resolve, reopen).
 * Every verb returns the events it caused (events.ts) for the live-event bus to publish after the commit.
 */
export * from "./schemas";
export { toRealtimeEvents, type ActivityKind, type ConversationEvent, type DeskEvent, type PresenceEvent } from "./events";
export { assignConversation } from "./assign-conversation";
export { claimConversation } from "./claim-conversation";
export { listConversationActivities } from "./list-conversation-activities";
export { markIdleAgentsAway, recordActivity } from "./record-activity";
export { openOnInbound, reopenConversation } from "./reopen-conversation";
export { resolveConversation } from "./resolve-conversation";
export { drainAllQueues, drainQueue, routeConversation, routeConversations } from "./route-conversation";
export { publishDeskEvents } from "./publish-desk-events";
export { setConversationPending } from "./set-conversation-pending";
export { getDeskState, type DeskAgent, type DeskState } from "./get-desk-state";
export { getMyPresence } from "./get-my-presence";
export { setPresence } from "./set-presence";
export { transferConversation } from "./transfer-conversation";
export { getRoutingSettings, updateRoutingSettings } from "./update-routing-settings";
export { isWithinWorkingHours } from "./working-hours";
/** A skill group's routing settings (working hours for the bot), for system callers that hold no member context. */
export { loadRoutingSettings as routingSettingsOf } from "./queries";
export { enqueueFromBot } from "./enqueue-from-bot";
export { emitResolutions, setResolutionEventSender, type Resolution } from "./emit-resolutions";
