export { personalDelivery, REALTIME_EVENT_TYPES, REALTIME_CHANNEL, type RealtimeEvent, type RealtimeEventType } from "./events";
export { publishRealtime } from "./publish";
export { getRealtimeHub, resetRealtimeHub, RealtimeHub, type RealtimeSubscriber } from "./hub";
export { eventStreamResponse } from "./event-stream";
