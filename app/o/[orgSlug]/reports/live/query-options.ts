import { queryOptions } from "@tanstack/react-query";
import { unwrap } from "@/components/query/unwrap";
import { getLiveOverviewAction, listAgentConversationsAction } from "./actions";

/** Query keys and fetchers of the live overview: components take them from here, never write keys inline. */
export const liveOverviewQueries = {
  all: (orgSlug: string) => ["live-overview", orgSlug] as const,
  overview: (orgSlug: string, pollMs: number) =>
    queryOptions({
      queryKey: [...liveOverviewQueries.all(orgSlug), "overview"] as const,
      queryFn: () => unwrap(getLiveOverviewAction(orgSlug)),
      refetchInterval: pollMs,
      gcTime: 0,
    }),
  /** One agent's open and pending conversations (the reassign list). */
  agentConversations: (orgSlug: string, membershipId: string) =>
    queryOptions({
      queryKey: [...liveOverviewQueries.all(orgSlug), "agent", membershipId] as const,
      queryFn: () => unwrap(listAgentConversationsAction(orgSlug, membershipId)),
      gcTime: 0,
    }),
};
