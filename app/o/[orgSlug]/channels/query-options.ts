import { queryOptions } from "@tanstack/react-query";
import { unwrap } from "@/components/query/unwrap";
import type { ChannelHealth } from "@/lib/services/channels";
import type { Channel } from "@/lib/services/channels/schemas";
import { channelStateAction } from "./actions";

/** What the channel page polls: the channel and its health. */
export type ChannelState = { channel: Channel; health: ChannelHealth };

/** Query keys and fetchers of the channel pages: components take them from here, never write keys inline. */
export const channelQueries = {
  all: (orgSlug: string) => ["channels", orgSlug] as const,
  detail: (orgSlug: string, channelId: string) =>
    queryOptions({
      queryKey: [...channelQueries.all(orgSlug), "detail", channelId] as const,
      queryFn: (): Promise<ChannelState> => unwrap(channelStateAction(orgSlug, channelId)),
      // The page hands fresh server data as initialData on every visit; a cache kept from the last visit would show that first.
      gcTime: 0,
    }),
};

