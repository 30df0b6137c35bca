import { isUniqueViolation } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { insertChannel } from "./insert-channel";
import { cannotConnectPage, provePageOwnership } from "./page-ownership";
import { toChannel } from "./queries";
import { channelCreateSchema, type Channel } from "./schemas";

// A Page connected elsewhere gets the same answer as a token that does not prove the Page: the unique
// index must not tell one organisation which Pages another has connected.
function pageTaken(error: unknown): never {
  if (isUniqueViolation(error)) cannotConnectPage();
  throw error;
}

export async function createChannel({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<Channel> {
  requirePermission(ctx, "channels.manage");
  const data = parseInput(channelCreateSchema, input);
  // The Page id is claimed only by a token that Meta says belongs to it, checked before anything is written.
  await provePageOwnership({ pageId: data.pageId, pageAccessToken: data.pageAccessToken, graphApiVersion: data.graphApiVersion });
  const row = await insertChannel(ctx, { ...data, connection: "manual" }).catch(pageTaken);
  return toChannel(row, ctx);
}
