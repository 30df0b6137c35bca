import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channelCsatSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getChannelInOrg } from "@/lib/services/channels";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { readCsatSettings } from "./get-csat-settings";
import { csatSettingsInputSchema, type CsatSettings } from "./schemas";
import { storedTexts } from "./texts";

/**
 * Turns a channel's satisfaction survey on or off and sets its words per language (a PUT replaces them; an
 * empty text means the built-in words). Audited with the before and after. Owners and admins; another
 * organisation's channel answers 404.
 */
export async function updateCsatSettings({ ctx, channelId, input }: { ctx: OrgContext; channelId: string; input: unknown }): Promise<CsatSettings> {
  requirePermission(ctx, "csat.manage");
  const data = parseInput(csatSettingsInputSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const channel = await getChannelInOrg(tx, ctx, channelId);
    const [existing] = await tx.select().from(channelCsatSettings).where(eq(channelCsatSettings.channelId, channel.id)).for("update");
    const texts = storedTexts(data.texts);
    const values = { enabled: data.enabled, texts, updatedAt: new Date() };
    if (existing) await tx.update(channelCsatSettings).set(values).where(eq(channelCsatSettings.channelId, channel.id));
    else await tx.insert(channelCsatSettings).values({ channelId: channel.id, orgId: ctx.org.id, ...values });
    await recordAudit(tx, ctx, {
      action: "channel.csat_updated",
      resourceId: channel.id,
      before: existing ? { enabled: existing.enabled, texts: storedTexts(existing.texts) } : null,
      after: { enabled: data.enabled, texts },
    });
    return readCsatSettings(tx, channel.id);
  });
}
