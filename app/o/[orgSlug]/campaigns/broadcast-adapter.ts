import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { recurringTopics } from "@/db/schema";
import type { Page } from "@/lib/pagination";
import { getCampaign } from "@/lib/services/campaigns";
import type { CampaignKind, DeliveryStatus } from "@/lib/services/campaigns/constants";
import type { Channel } from "@/lib/services/channels/schemas";
import { messagingAvailability, type Availability } from "@/lib/services/permissions";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";

/*
 * MERGE SWITCH. The campaigns UI reaches the recurring and marketing campaign engine (branch h-broadcast) and the
 * recurring topics (branch h-topics) through this file only, so the UI compiles and runs against main alone. Each
 * function below says what it becomes once those branches are merged; the bodies here are main's stand-ins:
 * availability from the permissions ledger's rule, topics read from the table, no audience count and no
 * deliveries yet (the UI shows "counted once…" and "No deliveries yet").
 */

export type BroadcastKind = Exclude<CampaignKind, "otn">;
/** Whether each kind may be sent from a channel, and why not (a permissions.reason.* key). */
export type KindAvailability = Record<CampaignKind, Availability>;

/**
 * Which kinds a channel offers. After the merge: `kindAvailability(channel, kind)` from @/lib/services/campaigns
 * (the same rule with `channel.adAccountId`, which the marketing branch adds to Channel).
 */
export function channelKindAvailability(channel: Pick<Channel, "messagingRegion" | "businessCountry">): KindAvailability {
  const adAccountId = (channel as { adAccountId?: string | null }).adAccountId ?? null;
  const { recurring, marketing } = messagingAvailability(channel, new Date(), { adAccountConfigured: adAccountId !== null });
  return { otn: { available: true }, recurring, marketing };
}

export interface TopicOption {
  id: string;
  channelId: string;
  title: string;
  cadence: "daily" | "weekly" | "monthly";
  registered: boolean;
}

/** The organisation's recurring topics. After the merge: `listTopics({ ctx })` from @/lib/services/topics, mapped. */
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
 * How many people a recurring or marketing campaign would reach now (null: not counted). After the merge:
 * `(await previewBroadcastAudience({ ctx, input })).recipients` from @/lib/services/campaigns.
 */
export async function previewAudienceCount(ctx: OrgContext, input: AudiencePreviewInput): Promise<number | null> {
  requirePermission(ctx, "campaigns.read");
  void input;
  return null;
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
 * A campaign's deliveries, paged. After the merge: `listCampaignDeliveries({ ctx, campaignId, input })` from
 * @/lib/services/campaigns. Here: the campaign is looked up (another organisation's is NotFound) and the page is empty.
 */
export async function listDeliveries(ctx: OrgContext, campaignId: string, input: DeliveryListQuery): Promise<Page<DeliveryRow>> {
  await getCampaign({ ctx, campaignId });
  void input;
  return { data: [], nextCursor: null };
}
