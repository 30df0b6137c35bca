import type { GraphClient } from "./client";
import { GraphError } from "./errors";

/**
 * Recurring notifications' opt-in request (Meta's `notification_messages` template, platform-facts "Recurring
 * notifications"): the message that asks a person to subscribe to a topic. Sent inside the 24-hour window like
 * any message; Meta answers with its own refusals, which classifyOptinRequestError names.
 */
export interface NotificationMessagesRequest {
  psid: string;
  /** The topic's title (<= 65 characters): the topic Meta records the opt-in under. */
  title: string;
  /** Ours, comes back in the opt-in webhook: it names the topic without trusting the title alone. */
  payload: string;
  imageUrl: string | null;
  cadence: "daily" | "weekly" | "monthly";
}

export function notificationMessagesTemplate(request: Omit<NotificationMessagesRequest, "psid">): Record<string, unknown> {
  return {
    attachment: {
      type: "template",
      payload: {
        template_type: "notification_messages",
        title: request.title,
        payload: request.payload,
        ...(request.imageUrl ? { image_url: request.imageUrl } : {}),
        notification_messages_frequency: request.cadence.toUpperCase(),
        // Meta asks for a re-opt-in the day before the token expires: subscribers stay without being asked again.
        notification_messages_reoptin: "ENABLED",
      },
    },
  };
}

/** Sends the opt-in request to one person as the Page; throws GraphError with Meta's refusal. */
export function sendNotificationMessagesRequest(graph: GraphClient, pageId: string, accessToken: string, request: NotificationMessagesRequest): Promise<{ message_id?: string }> {
  return graph.sendMessage(pageId, accessToken, { recipient: { id: request.psid }, messaging_type: "RESPONSE", message: notificationMessagesTemplate(request) });
}

/**
 * What Meta's refusal of an opt-in request means: asked_recently (9/2018352, one request per title per person
 * per week), already_subscribed (613/1893016, a duplicate opt-in), outside_window (10/2018278, 10/2534022),
 * unavailable (another 10: recurring notifications refused for the Page's region), reconnect (190: the Page
 * token is dead), failed (anything else).
 */
export type OptinRequestRefusal = "asked_recently" | "already_subscribed" | "outside_window" | "unavailable" | "reconnect" | "failed";

export function classifyOptinRequestError(error: GraphError): OptinRequestRefusal {
  if (error.code === 9 && error.subcode === 2018352) return "asked_recently";
  if (error.code === 613 && error.subcode === 1893016) return "already_subscribed";
  if (error.errorClass === "outside_window") return "outside_window";
  if (error.code === 10) return "unavailable";
  if (error.code === 190) return "reconnect";
  return "failed";
}
