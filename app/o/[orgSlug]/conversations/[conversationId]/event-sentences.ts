import type { Translate } from "@/lib/i18n/translate";
import type { ConversationMessage } from "@/lib/services/conversations/schemas";

const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v));

/** A referral in words: the link the person opened, with the campaign it belongs to when known. */
export function referralSentence(referral: Record<string, unknown>, campaign: ConversationMessage["campaign"], t: Translate): string {
  const ref = str(referral.ref) || "—";
  const source = str(referral.source);
  if (source && source !== "SHORTLINK") return t("conversations.referral.other", { source, ref });
  return campaign ? t("conversations.referral.linkOfCampaign", { ref, campaign: campaign.name }) : t("conversations.referral.link", { ref });
}

/** An opt-in in words: the campaign subscribed to and its link, when the payload names one of ours. */
export function optinSentence(message: Pick<ConversationMessage, "postback" | "campaign">, t: Translate): string {
  const type = str(message.postback?.type);
  if (type === "notification_messages") {
    const change = str(message.postback?.change);
    const topic = str(message.postback?.title) || "—";
    return t(change === "stop" ? "conversations.optin.recurringStop" : change === "resume" ? "conversations.optin.recurringResume" : change === "refresh" ? "conversations.optin.recurringRefresh" : "conversations.optin.recurring", { topic });
  }
  if (type !== "one_time_notif_req") return t("conversations.optin.other", { type: type || "—" });
  return message.campaign ? t("conversations.optin.campaign", { campaign: message.campaign.name, ref: message.campaign.ref }) : t("conversations.optin.notifyMe");
}
