import { getDb } from "@/db/client";
import type { Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getCampaignInOrg } from "./queries";
import { recipientQuerySchema, type Recipient, type RecipientQuery } from "./schemas";
import { fetchRecipients, toRecipient, Row } from "./recipient-rows";

/** The recipient log: every subscriber with the outcome of the send, in subscription order, searchable by name. */
export async function listCampaignRecipients({ ctx, campaignId, input = {} }: { ctx: OrgContext; campaignId: string; input?: RecipientQuery }): Promise<Page<Recipient>> {
  requirePermission(ctx, "campaigns.read");
  const query = parseInput(recipientQuerySchema, input);
  const { campaign } = await getCampaignInOrg(await getDb(), ctx, campaignId);
  const rows = await fetchRecipients(campaign.id, query);
  const data = rows.slice(0, query.limit).map((r) => toRecipient(r as Row));
  return { data, nextCursor: rows.length > query.limit ? data[data.length - 1].id : null };
}
