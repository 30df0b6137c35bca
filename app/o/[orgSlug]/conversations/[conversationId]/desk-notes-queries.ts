import { queryOptions } from "@tanstack/react-query";
import { unwrap } from "@/components/query/unwrap";
import { conversationQueries } from "../query-options";
import { listMentionableMembersAction, searchCannedRepliesAction } from "./desk-notes-actions";

/** The composer's suggestion lists (the "/" menu and the @ picker): keys and fetchers, one place. */
export const deskNoteQueries = {
  cannedReplies: (orgSlug: string, conversationId: string, q: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(orgSlug), "canned-replies", conversationId, q] as const,
      queryFn: () => unwrap(searchCannedRepliesAction(orgSlug, conversationId, q)),
      staleTime: 30_000,
    }),
  mentionable: (orgSlug: string, conversationId: string, q: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(orgSlug), "mentionable", conversationId, q] as const,
      queryFn: () => unwrap(listMentionableMembersAction(orgSlug, conversationId, q)),
      staleTime: 60_000,
    }),
};
