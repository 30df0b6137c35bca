import { and, eq, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { campaigns } from "@/db/schema";
import { campaignIdFromPayload } from "@/lib/services/campaigns";
import type { MessageCampaign } from "./schemas";

/** What a stored message says about a campaign: the OTN request payload it carries, or the link ref it came by. */
export interface CampaignMention {
  campaignId: string | null;
  ref: string | null;
}

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);

/**
 * The campaign a message points at: an opt-in's payload and a "Notify Me" card's payload name the campaign
 * (otn:<id>); a referral, or a Get Started postback carrying one, names it by the link's ref.
 */
export function campaignMentionOf(m: { kind: string; postback: unknown; referral: unknown; attachments: unknown }): CampaignMention | null {
  const postback = (m.postback ?? {}) as { payload?: unknown };
  const referral = (m.referral ?? {}) as { ref?: unknown };
  if (m.kind === "optin") return { campaignId: campaignIdFromPayload(str(postback.payload)), ref: null };
  if (m.kind === "referral" || m.kind === "postback") return str(referral.ref) ? { campaignId: null, ref: str(referral.ref) } : null;
  if (m.kind === "attachments" && Array.isArray(m.attachments)) {
    const card = m.attachments.find((a) => a?.type === "template" && a.payload?.template_type === "one_time_notif_req") as { payload?: { payload?: unknown } } | undefined;
    if (card) return { campaignId: campaignIdFromPayload(str(card.payload?.payload)), ref: null };
  }
  return null;
}

/**
 * The campaigns the mentions name, within the organisation and the conversation's channel only (a payload is
 * whatever the Page sent or the person's client echoed back, so it never reaches another tenant's campaign).
 * Deleted campaigns keep their names: the conversation's history still happened.
 */
export async function campaignsMentioned(db: DbOrTx, scope: { orgId: string; channelId: string }, mentions: CampaignMention[]): Promise<MessageCampaign[]> {
  const ids = [...new Set(mentions.map((m) => m.campaignId).filter((id): id is string => id !== null))];
  const refs = [...new Set(mentions.map((m) => m.ref).filter((ref): ref is string => ref !== null))];
  if (ids.length === 0 && refs.length === 0) return [];
  return db
    .select({ id: campaigns.id, name: campaigns.name, ref: campaigns.ref })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.orgId, scope.orgId),
        eq(campaigns.channelId, scope.channelId),
        or(ids.length > 0 ? inArray(campaigns.id, ids) : undefined, refs.length > 0 ? inArray(campaigns.ref, refs) : undefined),
      ),
    );
}

/** The campaign of one mention among those found. */
export function campaignOf(mention: CampaignMention | null, found: MessageCampaign[]): MessageCampaign | null {
  if (!mention) return null;
  return found.find((c) => (mention.campaignId !== null && c.id === mention.campaignId) || (mention.ref !== null && c.ref === mention.ref)) ?? null;
}
