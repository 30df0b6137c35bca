import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { campaigns, channels, labels } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { englishMessage, type MessageKey } from "@/lib/i18n/translate";
import type { SegmentDefinition, SegmentLeaf } from "./schemas";

type Reference = { path: string; leaf: SegmentLeaf };

/**
 * Refuses a definition naming a label, channel or campaign that is not this organisation's (or does not
 * exist): one query per kind of id, and the error names the condition's field, as a form shows it.
 */
export async function assertReferencesInOrg(db: DbOrTx, orgId: string, definition: SegmentDefinition): Promise<void> {
  const references: Reference[] = [];
  definition.conditions.forEach((c, i) => {
    if (c.kind === "group") c.conditions.forEach((leaf, j) => references.push({ path: `definition.conditions.${i}.conditions.${j}`, leaf }));
    else references.push({ path: `definition.conditions.${i}`, leaf: c });
  });
  const ids = (kind: SegmentLeaf["kind"], pick: (leaf: SegmentLeaf) => string | undefined) => [...new Set(references.filter((r) => r.leaf.kind === kind).map((r) => pick(r.leaf)!))];
  const labelIds = ids("label", (l) => (l.kind === "label" ? l.labelId : undefined));
  const channelIds = ids("channel", (l) => (l.kind === "channel" ? l.channelId : undefined));
  const campaignIds = ids("subscribedThrough", (l) => (l.kind === "subscribedThrough" ? l.campaignId : undefined));

  const known = new Set<string>();
  if (labelIds.length) for (const r of await db.select({ id: labels.id }).from(labels).where(and(eq(labels.orgId, orgId), inArray(labels.id, labelIds)))) known.add(r.id);
  if (channelIds.length) for (const r of await db.select({ id: channels.id }).from(channels).where(and(eq(channels.orgId, orgId), inArray(channels.id, channelIds)))) known.add(r.id);
  if (campaignIds.length)
    for (const r of await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, orgId), inArray(campaigns.id, campaignIds), isNull(campaigns.deletedAt))))
      known.add(r.id);

  for (const { path, leaf } of references) {
    const unknown: [string, MessageKey] | null =
      leaf.kind === "label" && !known.has(leaf.labelId)
        ? ["labelId", "segments.errors.unknownLabel"]
        : leaf.kind === "channel" && !known.has(leaf.channelId)
          ? ["channelId", "segments.errors.unknownChannel"]
          : leaf.kind === "subscribedThrough" && !known.has(leaf.campaignId)
            ? ["campaignId", "segments.errors.unknownCampaign"]
            : null;
    if (!unknown) continue;
    const [field, key] = unknown;
    const message = { message: englishMessage(key), messageKey: key };
    throw new ValidationError({ ...message, message: `${path}.${field}: ${message.message}` }, { [`${path}.${field}`]: [message] });
  }
}
