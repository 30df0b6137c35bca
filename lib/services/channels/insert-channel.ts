import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal } from "@/lib/crypto/secrets";
import { randomToken } from "@/db/ids";
import type { OrgContext } from "@/lib/tenancy/context";
import { forgetChannelRouting } from "./channel-routing";
import { assertSkillGroupInOrg, auditView, type ChannelRow } from "./queries";

export function newVerifyToken(): string {
  return `mdv_${randomToken(18)}`;
}

/** A Page whose ownership the caller has already proved (a Page token Meta says is that Page's). */
export interface ChannelInsert {
  name: string;
  pageId: string;
  appId: string;
  skillGroupId: string;
  pageAccessToken: string;
  /** Null for Facebook Login channels: the platform app's secret is the environment's. */
  appSecret: string | null;
  connection: "manual" | "facebook_login";
  graphApiVersion?: string;
  humanAgentEnabled?: boolean;
}

/**
 * The one way a channel row comes to exist, for both paths (typed in by hand, or chosen after Facebook Login):
 * the skill group checked within the organisation, secrets sealed, a fresh verify token, the audit row in the
 * same transaction. A Page already connected anywhere fails on the unique index (23505); callers word that.
 */
export async function insertChannel(ctx: OrgContext, input: ChannelInsert): Promise<ChannelRow> {
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    await assertSkillGroupInOrg(tx, ctx, input.skillGroupId);
    const [created] = await tx
      .insert(channels)
      .values({
        orgId: ctx.org.id,
        skillGroupId: input.skillGroupId,
        name: input.name,
        pageId: input.pageId,
        appId: input.appId,
        connection: input.connection,
        ...(input.graphApiVersion && { graphApiVersion: input.graphApiVersion }),
        humanAgentEnabled: input.humanAgentEnabled ?? false,
        pageAccessTokenSealed: seal(input.pageAccessToken),
        appSecretSealed: input.appSecret === null ? null : seal(input.appSecret),
        verifyTokenSealed: seal(newVerifyToken()),
      })
      .returning();
    await recordAudit(tx, ctx, { action: "channel.created", resourceId: created.id, after: { ...auditView(created), connection: created.connection } });
    return created;
  });
  forgetChannelRouting(row.pageId);
  return row;
}
