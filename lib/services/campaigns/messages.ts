import type { CampaignContent, Invitation } from "./schemas";

/**
 * The Send API `message` objects of a campaign, exactly as Messenger users receive them. The dashboard's
 * live preview renders these same objects, so what is previewed is what is sent.
 */
export type MessengerMessage = Record<string, unknown>;

/** The OTN request payload names the campaign and nothing about the person (it comes back in the opt-in). */
export const OTN_PAYLOAD_PREFIX = "otn:";

export function otnRequestPayload(campaignId: string): string {
  return `${OTN_PAYLOAD_PREFIX}${campaignId}`;
}

export function campaignIdFromPayload(payload: string | undefined | null): string | null {
  if (!payload?.startsWith(OTN_PAYLOAD_PREFIX)) return null;
  const id = payload.slice(OTN_PAYLOAD_PREFIX.length);
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.toLowerCase() : null;
}

export function invitationMessage(invitation: Invitation): MessengerMessage {
  return invitation.type === "text" ? { text: invitation.text } : imageMessage(invitation.url);
}

export function otnRequestMessage(campaignId: string, title: string): MessengerMessage {
  return { attachment: { type: "template", payload: { template_type: "one_time_notif_req", title, payload: otnRequestPayload(campaignId) } } };
}

export function replyMessage(text: string): MessengerMessage {
  return { text };
}

export function contentMessage(content: CampaignContent): MessengerMessage {
  switch (content.type) {
    case "text":
      return { text: content.text };
    case "image":
      return imageMessage(content.url);
    case "card":
      return {
        attachment: {
          type: "template",
          payload: {
            template_type: "generic",
            elements: [
              {
                title: content.title,
                ...(content.subtitle && { subtitle: content.subtitle }),
                ...(content.imageUrl && { image_url: content.imageUrl }),
                buttons: [{ type: "web_url", url: content.button.url, title: content.button.title }],
              },
            ],
          },
        },
      };
  }
}

function imageMessage(url: string): MessengerMessage {
  return { attachment: { type: "image", payload: { url, is_reusable: true } } };
}
