import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { channelCsatSettings } from "@/db/schema";
import { getChannelInOrg } from "@/lib/services/channels";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { DEFAULT_CSAT_TEXTS } from "./constants";
import type { CsatSettings } from "./schemas";
import { storedTexts } from "./texts";

/** A channel's satisfaction survey (off, with no words of its own, until someone sets it). Owners and admins. */
export async function getCsatSettings({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<CsatSettings> {
  requirePermission(ctx, "csat.manage");
  const db = await getDb();
  const channel = await getChannelInOrg(db, ctx, channelId);
  return readCsatSettings(db, channel.id);
}

export async function readCsatSettings(db: DbOrTx, channelId: string): Promise<CsatSettings> {
  const [row] = await db.select().from(channelCsatSettings).where(eq(channelCsatSettings.channelId, channelId));
  const defaults = { en: withoutNoThanks(DEFAULT_CSAT_TEXTS.en), "zh-CN": withoutNoThanks(DEFAULT_CSAT_TEXTS["zh-CN"]) };
  return { channelId, enabled: row?.enabled ?? false, texts: storedTexts(row?.texts), defaults, updatedAt: row?.updatedAt.toISOString() ?? null };
}

function withoutNoThanks({ question, commentPrompt, thanks }: (typeof DEFAULT_CSAT_TEXTS)["en"]) {
  return { question, commentPrompt, thanks };
}
