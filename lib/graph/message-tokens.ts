import type { GraphClient } from "./client";

/**
 * Meta's Marketing Messages token list and unsubscribe, with a Page token (developers.facebook.com, Messenger
 * Platform → Marketing Messages: get-subscription-tokens, api-reference). The tokens are the
 * `notification_messages_token`s of people's opt-ins, which Marketing Messages address as `subscription_token`.
 */

/** One subscription token as Meta lists it (times in ms). */
export interface SubscriptionTokenEntry {
  notification_messages_token: string;
  recipient_id: string;
  notification_messages_reoptin?: string;
  creation_timestamp?: number;
  token_expiry_timestamp?: number;
  user_token_status?: string;
  topic_title?: string;
  notification_messages_timezone?: string;
  next_eligible_time?: number;
}

export interface SubscriptionTokenPage {
  data: SubscriptionTokenEntry[];
  /** `next` is present only when there is a further page; `cursors.after` continues from here. */
  paging?: { cursors?: { before?: string; after?: string }; next?: string };
}

/** Meta's largest page of the token list. */
export const MAX_TOKEN_PAGE = 1000;

/**
 * One page of `GET /{page-id}/notification_message_tokens`, the Page's active tokens oldest first, each
 * person's newest only (`do_not_return_duplicates`). Pass the previous page's `paging.cursors.after` to go on.
 */
export function listSubscriptionTokens(graph: GraphClient, pageId: string, accessToken: string, options: { after?: string | null; limit?: number } = {}): Promise<SubscriptionTokenPage> {
  return graph.request<SubscriptionTokenPage>({
    path: `${pageId}/notification_message_tokens`,
    accessToken,
    query: { limit: Math.min(options.limit ?? MAX_TOKEN_PAGE, MAX_TOKEN_PAGE), do_not_return_duplicates: "true", after: options.after ?? undefined },
  });
}

/** The cursor of the page after `page`, or null when Meta says there is none (no `paging.next`). */
export function nextTokenCursor(page: SubscriptionTokenPage): string | null {
  return page.paging?.next && page.paging.cursors?.after ? page.paging.cursors.after : null;
}

/**
 * `POST /{page-id}/messaging_customer_base/unsubscribe`: the people (by PSID) or tokens no longer receive the
 * Page's marketing messages; their tokens stop working on Meta's side.
 */
export function unsubscribeFromMarketing(
  graph: GraphClient,
  pageId: string,
  accessToken: string,
  who: { psids?: string[]; subscriptionTokens?: string[] },
): Promise<{ success?: boolean; unsubscribed_tokens?: number }> {
  return graph.request({
    method: "POST",
    path: `${pageId}/messaging_customer_base/unsubscribe`,
    accessToken,
    body: { ...(who.psids?.length && { psids: who.psids }), ...(who.subscriptionTokens?.length && { subscription_tokens: who.subscriptionTokens }) },
  });
}
