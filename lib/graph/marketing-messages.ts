import type { GraphClient } from "./client";
import { recordSendApiCall } from "@/lib/observability/send-api-metrics";
import { GraphError } from "./errors";

/**
 * Meta's Marketing Messages API for Messenger (platform-facts): a paid campaign on an ad account
 * (`act_<id>/message_campaign`), and one message per subscription token (`act_<id>/messages` with
 * `messenger_delivery_data.subscription_token`). Every call takes the Page's token (its rate limit applies).
 * `adAccountId` is the digits, without `act_`.
 */
export interface MessageCampaignInput {
  name: string;
  pageId: string;
  /** Cents of the ad account's currency; exactly one of the two. */
  dailyBudgetCents?: number;
  lifetimeBudgetCents?: number;
  startTime?: Date;
  endTime?: Date;
  status?: "ACTIVE" | "PAUSED";
}

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** POST act_<id>/message_campaign → Meta's campaign id. */
export async function createMessageCampaign(graph: GraphClient, adAccountId: string, pageToken: string, input: MessageCampaignInput): Promise<{ id: string }> {
  return graph.request<{ id: string }>({
    method: "POST",
    path: `act_${adAccountId}/message_campaign`,
    accessToken: pageToken,
    body: {
      name: input.name,
      page_id: input.pageId,
      ...(input.dailyBudgetCents !== undefined && { daily_budget: input.dailyBudgetCents }),
      ...(input.lifetimeBudgetCents !== undefined && { lifetime_budget: input.lifetimeBudgetCents }),
      ...(input.startTime && { start_time: unix(input.startTime) }),
      ...(input.endTime && { end_time: unix(input.endTime) }),
      ...(input.status && { status: input.status }),
    },
  });
}

/** POST /{campaign-id} { status }: pauses or resumes a Meta campaign. */
export function setMessageCampaignStatus(graph: GraphClient, metaCampaignId: string, pageToken: string, status: "ACTIVE" | "PAUSED"): Promise<{ success?: boolean }> {
  return graph.request({ method: "POST", path: metaCampaignId, accessToken: pageToken, body: { status } });
}

/** GET /{campaign-id}: the campaign's status as Meta sees it (effective_status ACTIVE | PAUSED | SCHEDULED | COMPLETED). */
export function getMessageCampaign(
  graph: GraphClient,
  metaCampaignId: string,
  pageToken: string,
): Promise<{ id: string; name?: string; status?: string; effective_status?: string; start_time?: string; end_time?: string }> {
  return graph.request({ path: metaCampaignId, accessToken: pageToken, query: { fields: "id,name,status,effective_status,start_time,end_time" } });
}

/** POST act_<id>/messages: one marketing message to one subscription token → Meta's message id. */
export async function sendMarketingMessage(
  graph: GraphClient,
  adAccountId: string,
  pageId: string,
  pageToken: string,
  input: { metaCampaignId: string; subscriptionToken: string; message: Record<string, unknown>; minConversationGapSeconds?: number },
): Promise<{ id?: string }> {
  try {
    const answer = await graph.request<{ id?: string }>({
      method: "POST",
      path: `act_${adAccountId}/messages`,
      accessToken: pageToken,
      body: {
        message_campaign_id: input.metaCampaignId,
        messenger_delivery_data: { subscription_token: input.subscriptionToken },
        message: input.message,
        ...(input.minConversationGapSeconds !== undefined && { min_conversation_gap_seconds: input.minConversationGapSeconds }),
      },
    });
    recordSendApiCall(pageId, "sent");
    return answer;
  } catch (error) {
    recordSendApiCall(pageId, error instanceof GraphError ? error.errorClass : "network");
    throw error;
  }
}
