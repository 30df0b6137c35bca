import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { unwrap } from "@/components/query/unwrap";
import type { CampaignListQuery, RecipientQuery } from "@/lib/services/campaigns/schemas";
import { audiencePreviewAction, broadcastStateAction, campaignDeliveriesAction, campaignRecipientsAction, campaignStateAction, listCampaignsAction } from "./actions";
import type { AudiencePreviewInput, DeliveryListQuery } from "./broadcast-adapter";

/** How often the marketing center's live numbers refresh. */
export const POLL_MS = 2_000;

/** Query keys and fetchers of the campaign pages: components take them from here, never write keys inline. */
export const campaignQueries = {
  all: (orgSlug: string) => ["campaigns", orgSlug] as const,
  list: (orgSlug: string, input: CampaignListQuery) =>
    queryOptions({
      queryKey: [...campaignQueries.all(orgSlug), "list", input] as const,
      queryFn: () => unwrap(listCampaignsAction(orgSlug, input)),
      placeholderData: keepPreviousData,
      refetchInterval: POLL_MS,
    }),
  detail: (orgSlug: string, campaignId: string) =>
    queryOptions({
      queryKey: [...campaignQueries.all(orgSlug), "detail", campaignId] as const,
      queryFn: () => unwrap(campaignStateAction(orgSlug, campaignId)),
      refetchInterval: POLL_MS,
      // The page hands fresh server data as initialData on every visit; a cache kept from the last visit would show that first.
      gcTime: 0,
    }),
  recipients: (orgSlug: string, campaignId: string, input: RecipientQuery) =>
    queryOptions({
      queryKey: [...campaignQueries.all(orgSlug), "recipients", campaignId, input] as const,
      queryFn: () => unwrap(campaignRecipientsAction(orgSlug, campaignId, input)),
      placeholderData: keepPreviousData,
      refetchInterval: POLL_MS * 2,
    }),
  broadcast: (orgSlug: string, campaignId: string) =>
    queryOptions({
      queryKey: [...campaignQueries.all(orgSlug), "broadcast", campaignId] as const,
      queryFn: () => unwrap(broadcastStateAction(orgSlug, campaignId)),
      refetchInterval: POLL_MS,
      gcTime: 0,
    }),
  deliveries: (orgSlug: string, campaignId: string, input: DeliveryListQuery) =>
    queryOptions({
      queryKey: [...campaignQueries.all(orgSlug), "deliveries", campaignId, input] as const,
      queryFn: () => unwrap(campaignDeliveriesAction(orgSlug, campaignId, input)),
      placeholderData: keepPreviousData,
      refetchInterval: POLL_MS * 2,
    }),
  audience: (orgSlug: string, input: AudiencePreviewInput) =>
    queryOptions({
      queryKey: [...campaignQueries.all(orgSlug), "audience", input] as const,
      queryFn: () => unwrap(audiencePreviewAction(orgSlug, input)),
      placeholderData: keepPreviousData,
      // Live: people opt in, stop and unsubscribe while the marketer writes.
      refetchInterval: POLL_MS * 5,
    }),
};
