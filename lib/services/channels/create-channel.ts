import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal } from "@/lib/crypto/secrets";
import { isUniqueViolation } from "@/lib/errors";
import { randomToken } from "@/db/ids";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { forgetChannelRouting } from "./channel-routing";
import { cannotConnectPage, provePageOwnership } from "./page-ownership";
import { assertSkillGroupInOrg, auditView, toChannel } from "./queries";
import { channelCreateSchema, type Channel } from "./schemas";

// A Page connected elsewhere gets the same answer as a token that does not prove the Page: the unique
// index must not tell one organisation which Pages another has connected.
function pageTaken(error: unknown): never {
  if (isUniqueViolation(error)) cannotConnectPage();
  throw error;
}

export function newVerifyToken(): string {
  return `mdv_${randomToken(18)}`;
}

export async function createChannel({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<Channel> {
  requirePermission(ctx, "channels.manage");
  const data = parseInput(channelCreateSchema, input);
  // The Page id is claimed only by a token that Meta says belongs to it, checked before anything is written.
  await provePageOwnership({ pageId: data.pageId, pageAccessToken: data.pageAccessToken, graphApiVersion: data.graphApiVersion });
  const db = await getDb();
  const row = await db
    .transaction(async (tx) => {
      await assertSkillGroupInOrg(tx, ctx, data.skillGroupId);
      const [created] = await tx
        .insert(channels)
        .values({
          orgId: ctx.org.id,
          skillGroupId: data.skillGroupId,
          name: data.name,
          pageId: data.pageId,
          appId: data.appId,
          graphApiVersion: data.graphApiVersion,
          humanAgentEnabled: data.humanAgentEnabled,
          pageAccessTokenSealed: seal(data.pageAccessToken),
          appSecretSealed: seal(data.appSecret),
          verifyTokenSealed: seal(newVerifyToken()),
        })
        .returning();
      await recordAudit(tx, ctx, { action: "channel.created", resourceId: created.id, after: auditView(created) });
      return created;
    })
    .catch(pageTaken);
  forgetChannelRouting(row.pageId);
  return toChannel(row, ctx);
}
