import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { recurringTopics } from "@/db/schema";
import type { Page } from "@/lib/pagination";
import { listCampaignDeliveries, previewBroadcastAudience } from "@/lib/services/campaigns";
import type { CampaignKind, DeliveryStatus } from "@/lib/services/campaigns/constants";
import type { Channel } from "@/lib/services/channels/schemas";
import { messagingAvailability, type Availability } from "@/lib/services/permissions";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";

/*
 * What the campaigns UI reads of recurring topics and of the recurring and marketing campaign engine, shaped for
 * its components: which kinds a channel offers, the topics to choose from, the audience count and the delivery log.
 */

export type BroadcastKind = Exclude<CampaignKind, "otn">;
/** Whether each kind may be sent from a channel, and why not (a permissions.reason.* key). */
export type KindAvailability = Record<CampaignKind, Availability>;

/**
 * Which kinds a channel offers (the permissions ledger's rule: region, business country, ad account).
 */
export function channelKindAvailability(channel: Pick<Channel, "messagingRegion" | "businessCountry">): KindAvailability {
  const { recurring, marketing } = messagingAvailability({ ...channel, adAccountId: (channel as { adAccountId?: string | null }).adAccountId ?? null });
  return { otn: { available: true }, recurring, marketing };
}

export interface TopicOption {
  id: string;
  channelId: string;
  title: string;
  cadence: "daily" | "weekly" | "monthly";
  registered: boolean;
}

/** The organisation's recurring topics, for the topic select (unregistered ones are shown disabled). */
export async function topicOptions(ctx: OrgContext): Promise<TopicOption[]> {
  requirePermission(ctx, "campaigns.read");
  const db = await getDb();
  const rows = await db
    .select({ id: recurringTopics.id, channelId: recurringTopics.channelId, title: recurringTopics.title, cadence: recurringTopics.cadence, registration: recurringTopics.registration })
    .from(recurringTopics)
    .where(and(eq(recurringTopics.orgId, ctx.org.id), isNull(recurringTopics.deletedAt)))
    .orderBy(asc(recurringTopics.title));
  return rows.map((r) => ({ id: r.id, channelId: r.channelId, title: r.title, cadence: r.cadence, registered: r.registration === "registered" }));
}

export interface AudiencePreviewInput {
  kind: BroadcastKind;
  channelId: string;
  topicId?: string;
  segmentId?: string;
}

/**
 * How many people a recurring or marketing campaign would reach now: the number the send plans, and sends to when nothing fails.
 */
export async function previewAudienceCount(ctx: OrgContext, input: AudiencePreviewInput): Promise<number | null> {
  return (await previewBroadcastAudience({ ctx, input })).recipients;
}

/** One delivery of a recurring or marketing campaign (broadcast's CampaignDelivery, plus the recipient's zone). */
export interface DeliveryRow {
  id: string;
  psid: string;
  contactId: string | null;
  name: string | null;
  status: DeliveryStatus;
  dueAt: string;
  heldReason: string | null;
  failureCode: number | null;
  failureReason: string | null;
  sentAt: string | null;
  /** The recipient's time zone (their opt-in's); absent until the engine returns it. */
  timeZone?: string | null;
}

export interface DeliveryListQuery {
  cursor?: string;
  limit?: number;
  status?: DeliveryStatus;
}

/**
 * A campaign's deliveries, paged, each with the recipient's time zone (another organisation's campaign is NotFound).
 */
export async function listDeliveries(ctx: OrgContext, campaignId: string, input: DeliveryListQuery): Promise<Page<DeliveryRow>> {
  return listCampaignDeliveries({ ctx, campaignId, input });
}
