import { and, asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignDeliveries, contacts, messagePermissions } from "@/db/schema";
import type { Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getCampaignInOrg } from "../queries";
import { deliveryQuerySchema, type CampaignDelivery, type DeliveryQuery } from "./schemas";

/** The delivery log of a recurring or marketing campaign: one row per recipient in planning order (an OTN campaign has none). */
export async function listCampaignDeliveries({ ctx, campaignId, input = {} }: { ctx: OrgContext; campaignId: string; input?: DeliveryQuery }): Promise<Page<CampaignDelivery>> {
  requirePermission(ctx, "campaigns.read");
  const query = parseInput(deliveryQuerySchema, input);
  const db = await getDb();
  const { campaign } = await getCampaignInOrg(db, ctx, campaignId);
  const rows = await db
    .select({ d: campaignDeliveries, firstName: contacts.firstName, lastName: contacts.lastName, timeZone: messagePermissions.userTimeZone })
    .from(campaignDeliveries)
    .leftJoin(contacts, eq(contacts.id, campaignDeliveries.contactId))
    .leftJoin(messagePermissions, eq(messagePermissions.id, campaignDeliveries.permissionId))
    .where(
      and(
        eq(campaignDeliveries.campaignId, campaign.id),
        query.status ? eq(campaignDeliveries.status, query.status) : undefined,
        query.cursor ? gt(campaignDeliveries.id, query.cursor) : undefined,
      ),
    )
    .orderBy(asc(campaignDeliveries.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit).map(({ d, firstName, lastName, timeZone }) => ({
    id: d.id,
    psid: d.psid,
    contactId: d.contactId,
    name: [firstName, lastName].filter(Boolean).join(" ") || null,
    status: d.status,
    dueAt: d.dueAt.toISOString(),
    heldReason: d.heldReason,
    failureCode: d.failureCode,
    failureReason: d.failureReason,
    sentAt: d.sentAt?.toISOString() ?? null,
    messageId: d.messageId,
    timeZone,
  }));
  return { data, nextCursor: rows.length > query.limit ? data[data.length - 1].id : null };
}
