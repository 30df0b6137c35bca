import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { unwrap } from "@/components/query/unwrap";
import { getContactPanelAction, getConversationAction, getDeskStateAction, listConversationsAction } from "./actions";

/** How often a conversation and the list look for new messages when no one says (see use-live-conversations.ts). */
const POLL_MS = 3_000;

/** Query keys and fetchers of the conversation pages: components take them from here, never write keys inline. */
export const conversationQueries = {
  all: (orgSlug: string) => ["conversations", orgSlug] as const,
  /** The list, newest first, a page of 50 at a time; `channelId` "" is every channel. */
  list: (orgSlug: string, channelId: string, pollMs = POLL_MS) =>
    infiniteQueryOptions({
      queryKey: [...conversationQueries.all(orgSlug), "list", channelId] as const,
      queryFn: ({ pageParam }) => unwrap(listConversationsAction(orgSlug, { limit: 50, cursor: pageParam, channelId: channelId || undefined })),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      refetchInterval: pollMs,
    }),
  detail: (orgSlug: string, conversationId: string, pollMs = POLL_MS) =>
    queryOptions({
      queryKey: [...conversationQueries.all(orgSlug), "detail", conversationId] as const,
      queryFn: () => unwrap(getConversationAction(orgSlug, conversationId)),
      refetchInterval: pollMs,
      // The page hands fresh server data as initialData on every visit; a cache kept from the last visit would show that first.
      gcTime: 0,
    }),
  /** The header's desk state (assignee, candidates with presence and load, allowed actions). */
  desk: (orgSlug: string, conversationId: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(orgSlug), "desk", conversationId] as const,
      queryFn: () => unwrap(getDeskStateAction(orgSlug, conversationId)),
    }),
  /** The contact panel beside the thread. */
  contact: (orgSlug: string, conversationId: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(orgSlug), "contact", conversationId] as const,
      queryFn: () => unwrap(getContactPanelAction(orgSlug, conversationId)),
    }),
};
