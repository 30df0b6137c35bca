import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { unwrap } from "@/components/query/unwrap";
import type { ConversationFiltersInput, ConversationView } from "@/lib/services/conversations/schemas";
import { countConversationViewsAction, getContactPanelAction, getConversationAction, getDeskStateAction, listConversationsAction, listLabelsAction } from "./actions";

/** How often a conversation and the list look for new messages when no one says (see use-live-conversations.ts). */
const POLL_MS = 3_000;

/** Query keys and fetchers of the conversation pages: components take them from here, never write keys inline. */
export const conversationQueries = {
  all: (orgSlug: string) => ["conversations", orgSlug] as const,
  /** The inbox list, newest first, a page of 50 at a time, in one view under the filters and search given. */
  list: (orgSlug: string, view: ConversationView, filters: ConversationFiltersInput = {}, pollMs = POLL_MS) =>
    infiniteQueryOptions({
      queryKey: [...conversationQueries.all(orgSlug), "list", view, filters] as const,
      queryFn: ({ pageParam }) => unwrap(listConversationsAction(orgSlug, { limit: 50, cursor: pageParam, view, ...filters })),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      refetchInterval: pollMs,
      gcTime: 0,
    }),
  /** The numbers on the inbox's tabs (Mine, Unassigned, All) under the same filters as the list. */
  viewCounts: (orgSlug: string, filters: ConversationFiltersInput = {}, pollMs = POLL_MS) =>
    queryOptions({
      queryKey: [...conversationQueries.all(orgSlug), "view-counts", filters] as const,
      queryFn: () => unwrap(countConversationViewsAction(orgSlug, filters)),
      refetchInterval: pollMs,
      gcTime: 0,
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
  /** The organisation's labels, for the label picker. */
  labels: (orgSlug: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(orgSlug), "labels"] as const,
      queryFn: () => unwrap(listLabelsAction(orgSlug)),
      staleTime: 60_000,
    }),
};
